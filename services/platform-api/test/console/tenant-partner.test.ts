import type { Fixture } from '../fixtures'
import type { TestApi } from '../test-api'
import { desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, partners, tenants } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let fixture: Fixture
let lead: string

beforeAll(async () => {
  api = await createTestApi()
  fixture = await seedFixture(api.database.db)
  lead = await api.token(['operator:ops_lead'], { sub: 'lena' })
})
afterAll(() => api?.close())

async function partnerOf(slug: string): Promise<string | null> {
  const [row] = await api.database.db.select({ partner: partners.slug }).from(tenants).leftJoin(partners, eq(partners.id, tenants.partnerId)).where(eq(tenants.slug, slug))
  return row!.partner
}

async function lastAudit() {
  const [entry] = await api.database.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1)
  return entry!
}

function attach(slug: string, partnerSlug: unknown, token = lead) {
  return api.request('PUT', `/tenants/${slug}/partner`, {
    token,
    body: { partnerSlug },
  })
}
const detach = (slug: string, token = lead) => api.request('DELETE', `/tenants/${slug}/partner`, { token })

describe('attaching and detaching a tenant\'s partner', () => {
  it('attaches a direct customer to a partner, audited with the field diff, and the partner sees it at once', async () => {
    const nimbus = await api.token(['partner:nimbus:partner_agent'])
    expect((await api.request('GET', '/tenants/initech', { token: nimbus })).status).toBe(404)
    const response = await attach('initech', 'nimbus')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ slug: 'initech', partnerSlug: 'nimbus' })
    expect(await partnerOf('initech')).toBe('nimbus')
    expect(await lastAudit()).toMatchObject({
      action: 'tenant.attach_partner',
      actorSubject: 'lena',
      targetId: fixture.tenants.initech.id,
      tenantSlug: 'initech',
      changes: [
        { field: 'partnerSlug', before: null, after: 'nimbus' },
      ],
    })
    expect((await api.request('GET', '/tenants/initech', { token: nimbus })).status).toBe(200)
  })

  it('moves a customer from one partner to another', async () => {
    expect((await attach('initech', 'stratus')).status).toBe(200)
    expect(await lastAudit()).toMatchObject({
      action: 'tenant.attach_partner',
      changes: [
        { field: 'partnerSlug', before: 'nimbus', after: 'stratus' },
      ],
    })
    const nimbus = await api.token(['partner:nimbus:partner_admin'])
    expect((await api.request('GET', '/tenants/initech', { token: nimbus })).status).toBe(404)
  })

  it('detaches a customer into a direct one, and its former partner loses sight of it', async () => {
    const response = await detach('initech')
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ slug: 'initech', partnerSlug: null })
    expect(await lastAudit()).toMatchObject({
      action: 'tenant.detach_partner',
      changes: [
        { field: 'partnerSlug', before: 'stratus', after: null },
      ],
    })
    const stratus = await api.token(['partner:stratus:partner_admin'])
    expect((await api.request('GET', '/tenants/initech', { token: stratus })).status).toBe(404)
    expect((await (await api.request('GET', '/tenants?direct=true', { token: lead })).json()).items.map((t: { slug: string }) => t.slug)).toEqual(['initech'])
  })

  it('does not let a partner take another partner\'s or a direct customer, nor give its own away', async () => {
    const before = (await lastAudit()).seq
    const nimbusAdmin = await api.token(['partner:nimbus:partner_admin'])
    await expectProblem(await attach('globex', 'nimbus', nimbusAdmin), 404)
    await expectProblem(await attach('initech', 'nimbus', nimbusAdmin), 404)
    await expectProblem(await attach('acme', 'nimbus', nimbusAdmin), 403)
    await expectProblem(await detach('acme', nimbusAdmin), 403)
    const owner = await api.token(['tenant:acme:owner'])
    await expectProblem(await attach('acme', 'stratus', owner), 403)
    expect(await partnerOf('globex')).toBe('stratus')
    expect(await partnerOf('initech')).toBeNull()
    expect(await partnerOf('acme')).toBe('nimbus')
    expect((await lastAudit()).seq).toBe(before)
  })

  it('is for the operations leads: a technician and the NOC get a 403 problem', async () => {
    for (const role of ['technician', 'noc']) {
      const token = await api.token([`operator:${role}`])
      await expectProblem(await attach('globex', 'nimbus', token), 403)
      await expectProblem(await detach('globex', token), 403)
    }
    expect(await partnerOf('globex')).toBe('stratus')
    const superAdmin = await api.token(['operator:super_admin'])
    expect((await attach('globex', 'stratus', superAdmin)).status).toBe(200)
  })

  it('leaves a deleted tenant with the partner that sold it (409 problem)', async () => {
    await api.database.db.update(tenants).set({ status: 'deleted' }).where(eq(tenants.slug, 'globex'))
    try {
      await expectProblem(await attach('globex', 'nimbus'), 409)
      await expectProblem(await detach('globex'), 409)
      expect(await partnerOf('globex')).toBe('stratus')
    }
    finally {
      await api.database.db.update(tenants).set({ status: 'active' }).where(eq(tenants.slug, 'globex'))
    }
  })

  it('answers a problem for an unknown partner or tenant and a bad body', async () => {
    await expectProblem(await attach('acme', 'nobody'), 422, {
      errors: [
        { path: 'body.partnerSlug', message: 'no partner "nobody"' },
      ],
    })
    await expectProblem(await attach('nobody', 'nimbus'), 404)
    await expectProblem(await detach('nobody'), 404)
    await expectProblem(await attach('acme', 'Not A Slug'), 400)
    await expectProblem(await attach('acme', null), 400)
    await expectProblem(await api.request('PUT', '/tenants/acme/partner', {
      token: lead,
      body: { partnerSlug: 'stratus', extra: 1 },
    }), 400)
    expect(await partnerOf('acme')).toBe('nimbus')
  })
})
