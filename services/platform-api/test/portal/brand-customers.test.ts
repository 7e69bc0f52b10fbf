import type { Fixture } from '../fixtures'
import type { TestApi } from '../test-api'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { partners, provisioningSteps, tenants } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let fixture: Fixture

beforeAll(async () => {
  api = await createTestApi()
  fixture = await seedFixture(api.database.db)
  const { db } = api.database
  await db.update(partners).set({
    branding: { productName: 'Nimbus Workspace', primaryColor: '#0e7490', logoUrl: 'https://nimbus.example/logo.svg' },
  }).where(eq(partners.slug, 'nimbus'))
  await db.update(tenants).set({
    branding: { primaryColor: '#112233', accentColor: '#445566' },
  }).where(eq(tenants.slug, 'acme'))
  // acme: identity ok, mail failing, files running; globex: all ok; initech: no steps yet.
  const steps = (tenantId: string, statuses: Record<'identity' | 'mail' | 'files' | 'onboarding', 'ok' | 'error' | 'running' | 'pending' | 'skipped'>) => Object.entries(statuses).map(([step, status]) => ({ tenantId, step: step as 'identity', status }))
  await db.insert(provisioningSteps).values([
    ...steps(fixture.tenants.acme.id, {
      identity: 'ok',
      mail: 'error',
      files: 'running',
      onboarding: 'pending',
    }),
    ...steps(fixture.tenants.globex.id, {
      identity: 'ok',
      mail: 'skipped',
      files: 'ok',
      onboarding: 'ok',
    }),
  ])
})
afterAll(() => api?.close())

const get = async (path: string, groups: string[]) => api.request('GET', path, { token: await api.token(groups) })

describe('gET /tenants/:slug/brand', () => {
  it('takes each field from the tenant, else from its partner, else null', async () => {
    const response = await get('/tenants/acme/brand', ['tenant:acme:member'])
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      productName: 'Nimbus Workspace',
      logoUrl: 'https://nimbus.example/logo.svg',
      primaryColor: '#112233',
      accentColor: '#445566',
      partnerSlug: 'nimbus',
    })
    expect(await (await get('/tenants/initech/brand', ['tenant:initech:owner'])).json()).toEqual({
      productName: null,
      logoUrl: null,
      primaryColor: null,
      accentColor: null,
      partnerSlug: null,
    })
  })

  it('is 404 for another tenant\'s people and another partner\'s staff', async () => {
    await expectProblem(await get('/tenants/acme/brand', ['tenant:globex:owner']), 404)
    await expectProblem(await get('/tenants/acme/brand', ['partner:stratus:partner_admin']), 404)
  })
})

describe('gET /partners/:slug/customers', () => {
  it('lists the partner\'s customers with member count and provisioning health', async () => {
    const response = await get('/partners/nimbus/customers', ['partner:nimbus:partner_agent'])
    expect(response.status).toBe(200)
    const page = await response.json()
    expect(page.items).toEqual([
      {
        slug: 'acme',
        name: 'Acme',
        status: 'provisioning',
        plan: 'business',
        users: 2,
        health: 'error',
        failingSteps: ['mail'],
        createdAt: expect.any(String),
      },
    ])
    expect((await (await get('/partners/stratus/customers', ['partner:stratus:partner_admin'])).json()).items).toMatchObject([
      {
        slug: 'globex',
        health: 'ok',
        failingSteps: [],
        users: 2,
      },
    ])
  })

  it('is pending while a step is due or running, and ok with no steps in error or due', async () => {
    const { db } = api.database
    await db.update(provisioningSteps).set({ status: 'ok' }).where(eq(provisioningSteps.tenantId, fixture.tenants.acme.id))
    await db.update(provisioningSteps).set({ status: 'running' }).where(eq(provisioningSteps.step, 'files'))
    const [acme] = (await (await get('/partners/nimbus/customers', ['partner:nimbus:partner_admin'])).json()).items
    expect(acme).toMatchObject({ health: 'pending', failingSteps: [] })
    await db.update(provisioningSteps).set({ status: 'ok' }).where(eq(provisioningSteps.step, 'files'))
    const [settled] = (await (await get('/partners/nimbus/customers', ['partner:nimbus:partner_admin'])).json()).items
    expect(settled).toMatchObject({ health: 'ok' })
  })

  it('searches name or slug, filters by status and pages by name', async () => {
    const operator = ['operator:super_admin']
    const { db } = api.database
    await db.insert(tenants).values(['Zeta', 'Beta', 'Gama'].map(name => ({
      slug: `c-${name.toLowerCase()}`,
      name,
      partnerId: fixture.partners.nimbus.id,
      status: 'active' as const,
    })))
    const first = await (await get('/partners/nimbus/customers?limit=2', operator)).json()
    expect(first.items.map((item: { name: string }) => item.name)).toEqual(['Acme', 'Beta'])
    const second = await (await get(`/partners/nimbus/customers?limit=2&cursor=${first.nextCursor}`, operator)).json()
    expect(second.items.map((item: { name: string }) => item.name)).toEqual(['Gama', 'Zeta'])
    expect((await (await get('/partners/nimbus/customers?q=ZET', operator)).json()).items.map((item: { slug: string }) => item.slug)).toEqual(['c-zeta'])
    expect((await (await get('/partners/nimbus/customers?q=c-b', operator)).json()).items.map((item: { slug: string }) => item.slug)).toEqual(['c-beta'])
    expect((await (await get('/partners/nimbus/customers?status=active', operator)).json()).items).toHaveLength(3)
    await db.update(tenants).set({ status: 'deleted' }).where(eq(tenants.slug, 'c-gama'))
    expect((await (await get('/partners/nimbus/customers', operator)).json()).items).toHaveLength(3)
    expect((await (await get('/partners/nimbus/customers?status=deleted', operator)).json()).items).toMatchObject([
      { slug: 'c-gama' },
    ])
  })

  it('pages through customers of the same name without repeating or skipping one; % and _ in q are literal', async () => {
    const operator = ['operator:super_admin']
    await api.database.db.insert(tenants).values(['t1', 't2', 't3', 't4', 't5'].map(key => ({
      slug: `twin-${key}`,
      name: key === 't5'
        ? '50%_off Ltd'
        : 'Twin Co',
      partnerId: fixture.partners.nimbus.id,
    })))
    const seen: string[] = []
    let cursor: string | undefined
    do {
      const page = await (await get(`/partners/nimbus/customers?limit=2&q=${encodeURIComponent('twin co')}${cursor
        ? `&cursor=${cursor}`
        : ''}`, operator)).json()
      seen.push(...page.items.map((item: { slug: string }) => item.slug))
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    expect(seen.sort()).toEqual([
      'twin-t1',
      'twin-t2',
      'twin-t3',
      'twin-t4',
    ])
    const search = async (q: string) => (await (await get(`/partners/nimbus/customers?q=${encodeURIComponent(q)}`, operator)).json()).items.map((item: { slug: string }) => item.slug)
    expect(await search('%')).toEqual(['twin-t5'])
    expect(await search('0%_o')).toEqual(['twin-t5'])
    expect(await search('twin_co')).toEqual([])
  })

  it('is 404 for another partner\'s staff and for tenant people, 400 for unknown query fields', async () => {
    await expectProblem(await get('/partners/nimbus/customers', ['partner:stratus:partner_admin']), 404)
    await expectProblem(await get('/partners/nimbus/customers', ['tenant:acme:owner']), 404)
    await expectProblem(await get('/partners/nimbus/customers?order=name', ['operator:super_admin']), 400)
  })
})
