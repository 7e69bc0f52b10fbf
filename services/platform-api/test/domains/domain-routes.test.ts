import type { TTenantDomain } from '@dezky/contracts'
import type { Fixture } from '../fixtures'
import type { TestApi } from '../test-api'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, provisioningSteps, tenantDomains, tenantMemberships, tenants, users } from '../../src/db/schema'
import { parseZoneFile } from '../../src/provisioning/mail/parse-zone-file'
import { errorPaths, expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let fixture: Fixture
let acmeOwner: string
let operator: string

beforeAll(async () => {
  api = await createTestApi({ MAIL_MX_HOST: 'mail.dezky.test' })
  fixture = await seedFixture(api.database.db)
  acmeOwner = await api.token(['tenant:acme:owner'])
  operator = await api.token(['operator:super_admin'])
})
afterAll(() => api?.close())

function add(token: string, slug: string, name: string) {
  return api.request('POST', `/tenants/${slug}/domains`, {
    token,
    body: { name },
  })
}
const list = async (token: string, slug: string) => (await (await api.request('GET', `/tenants/${slug}/domains`, { token })).json()).items as TTenantDomain[]
const tenantDomainsOf = async (slug: string) => (await api.database.db.select({ domains: tenants.domains }).from(tenants).where(eq(tenants.slug, slug)))[0]!.domains

describe('adding a domain', () => {
  it('answers 201 with its verification record first and every record to publish; provisions it', async () => {
    const response = await add(acmeOwner, 'acme', 'Acme-Routes.TEST')
    expect(response.status).toBe(201)
    const domain: TTenantDomain = await response.json()
    expect(domain).toMatchObject({
      name: 'acme-routes.test',
      verified: false,
      verifiedAt: null,
      mailReady: false,
      lastCheckedAt: null,
    })
    expect(domain.verification.name).toBe('_dezky-verification.acme-routes.test')
    expect(domain.verification.value).toMatch(/^dezky-verification=[0-9a-f]{32}$/)
    expect(domain.records[0]).toMatchObject({
      ...domain.verification,
      purpose: 'verification',
      required: true,
      check: { status: 'unchecked' },
    })
    expect(domain.records.map(r => r.purpose)).toEqual([
      'verification',
      'mx',
      'spf',
      'dmarc',
      'autoconfig',
      'autodiscover',
    ])
    expect(domain.records.find(r => r.purpose === 'mx')!.value).toBe('10 mail.dezky.test.')
    expect(await tenantDomainsOf('acme')).toContain('acme-routes.test')
    const [mail] = await api.database.db.select().from(provisioningSteps).where(and(eq(provisioningSteps.tenantId, fixture.tenants.acme.id), eq(provisioningSteps.step, 'mail')))
    expect(mail).toMatchObject({ status: 'pending' })
    expect(mail!.nextAttemptAt).not.toBeNull()
    const [entry] = await api.database.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1)
    expect(entry).toMatchObject({
      action: 'domain.add',
      targetType: 'domain',
      tenantSlug: 'acme',
      changes: [
        { field: 'name', before: null, after: 'acme-routes.test' },
      ],
    })
    expect((await list(acmeOwner, 'acme')).map(d => d.name)).toContain('acme-routes.test')
  })

  it('lists DKIM and the mail server\'s zone once the mail step has rendered it', async () => {
    await add(acmeOwner, 'acme', 'acme-dkim.test')
    const zone = [
      'sel._domainkey.acme-dkim.test. IN TXT "v=DKIM1; k=ed25519; h=sha256; p=KEY"',
      'acme-dkim.test. IN TXT "v=spf1 mx -all"',
      'acme-dkim.test. IN MX 10 mx.stalwart.test.',
      '_dmarc.acme-dkim.test. IN TXT "v=DMARC1; p=reject; rua=mailto:postmaster@acme-dkim.test"',
    ].join('\n')
    await api.database.db.update(provisioningSteps).set({
      outputs: {
        dnsRecords: parseZoneFile('acme-dkim.test', zone),
      },
    }).where(and(eq(provisioningSteps.tenantId, fixture.tenants.acme.id), eq(provisioningSteps.step, 'mail')))
    const domain: TTenantDomain = await (await api.request('GET', '/tenants/acme/domains/acme-dkim.test', { token: acmeOwner })).json()
    expect(domain.mailReady).toBe(true)
    expect(domain.records.map(r => [r.purpose, r.value, r.required])).toEqual(expect.arrayContaining([
      ['mx', '10 mx.stalwart.test.', true],
      ['dkim', 'v=DKIM1; k=ed25519; h=sha256; p=KEY', true],
      ['dmarc', 'v=DMARC1; p=reject; rua=mailto:postmaster@acme-dkim.test', false],
    ]))
    // Another domain of the tenant still waits for its keys.
    expect((await list(acmeOwner, 'acme')).find(d => d.name === 'acme-routes.test')!.mailReady).toBe(false)
  })

  it('refuses a domain another tenant holds, or one the tenant already has (409)', async () => {
    // Both point at the name the caller sent.
    expect(errorPaths(await expectProblem(await add(operator, 'globex', 'acme-routes.test'), 409))).toEqual(['body.name'])
    expect(errorPaths(await expectProblem(await add(acmeOwner, 'acme', 'acme-routes.test'), 409))).toEqual(['body.name'])
    const created = await api.request('POST', '/tenants', {
      token: operator,
      body: {
        slug: 'clash',
        name: 'Clash',
        domains: ['acme-routes.test'],
      },
    })
    await expectProblem(created, 409)
  })

  it('refuses more domains than the plan allows (422)', async () => {
    // globex is on starter: three domains.
    for (const name of ['g1.test', 'g2.test', 'g3.test'])
      expect((await add(operator, 'globex', name)).status).toBe(201)
    const problem = await expectProblem(await add(operator, 'globex', 'g4.test'), 422)
    expect(problem.detail).toMatch(/starter plan allows 3/)
    expect(errorPaths(problem)).toEqual(['body.name'])
  })

  it('validates the name (400)', async () => {
    await expectProblem(await add(acmeOwner, 'acme', 'not a domain'), 400)
    await expectProblem(await api.request('POST', '/tenants/acme/domains', {
      token: acmeOwner,
      body: { name: 'x.test', extra: 1 },
    }), 400)
  })
})

describe('removing a domain', () => {
  it('answers 204, drops it from the tenant and has the reconciler remove it; audited', async () => {
    await add(acmeOwner, 'acme', 'acme-gone.test')
    expect((await api.request('DELETE', '/tenants/acme/domains/acme-gone.test', { token: acmeOwner })).status).toBe(204)
    expect(await tenantDomainsOf('acme')).not.toContain('acme-gone.test')
    expect(await api.database.db.select().from(tenantDomains).where(eq(tenantDomains.name, 'acme-gone.test'))).toEqual([])
    const [entry] = await api.database.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1)
    expect(entry).toMatchObject({
      action: 'domain.remove',
      changes: [
        { field: 'name', before: 'acme-gone.test', after: null },
      ],
    })
    await expectProblem(await api.request('GET', '/tenants/acme/domains/acme-gone.test', { token: acmeOwner }), 404)
  })

  it('refuses (409) while members have mailboxes on it, whatever the letter case of their address', async () => {
    await add(acmeOwner, 'acme', 'acme-mail.test')
    const [user] = await api.database.db.insert(users).values({ email: 'Ana@ACME-mail.test', name: 'Ana' }).returning()
    await api.database.db.insert(tenantMemberships).values({
      tenantId: fixture.tenants.acme.id,
      userId: user!.id,
      role: 'member',
      active: false,
    })
    const problem = await expectProblem(await api.request('DELETE', '/tenants/acme/domains/acme-mail.test', { token: acmeOwner }), 409)
    expect(problem.detail).toContain('Ana@ACME-mail.test')
    expect(await tenantDomainsOf('acme')).toContain('acme-mail.test')
    await api.database.db.delete(tenantMemberships).where(eq(tenantMemberships.userId, user!.id))
    expect((await api.request('DELETE', '/tenants/acme/domains/acme-mail.test', { token: acmeOwner })).status).toBe(204)
  })
})
