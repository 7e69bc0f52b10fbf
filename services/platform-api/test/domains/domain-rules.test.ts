import type { Fixture } from '../fixtures'
import type { TestApi } from '../test-api'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tenantDomains, tenantMemberships, tenants, users } from '../../src/db/schema'
import { errorPaths, expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let fixture: Fixture
let operator: string

beforeAll(async () => {
  api = await createTestApi()
  fixture = await seedFixture(api.database.db)
  operator = await api.token(['operator:super_admin'])
})
afterAll(() => api?.close())

const patch = (slug: string, body: Record<string, unknown>) => api.request('PATCH', `/tenants/${slug}`, { token: operator, body })
const domainsOf = async (slug: string) => (await api.database.db.select({ domains: tenants.domains }).from(tenants).where(eq(tenants.slug, slug)))[0]!.domains

// globex is on starter (three domains); the same rules hold whether a route adds one domain or replaces the list.
describe('domains replaced by PATCH /tenants/:slug follow the rules of the domain routes', () => {
  it('refuses a list longer than the plan allows (422), pointing at body.domains; nothing changes', async () => {
    const before = await domainsOf('globex')
    const problem = await expectProblem(await patch('globex', {
      domains: [
        'p1.test',
        'p2.test',
        'p3.test',
        'p4.test',
      ],
    }), 422)
    expect(problem.detail).toMatch(/starter plan allows 3/)
    expect(errorPaths(problem)).toEqual(['body.domains'])
    expect(await domainsOf('globex')).toEqual(before)
  })

  it('counts the plan the same PATCH sets, and a domain listed twice once', async () => {
    expect((await patch('globex', {
      domains: [
        'p1.test',
        'p2.test',
        'p3.test',
        'p3.test',
      ],
    })).status).toBe(200)
    expect(await domainsOf('globex')).toEqual(['p1.test', 'p2.test', 'p3.test'])
    expect((await patch('globex', {
      plan: 'business',
      domains: [
        'p1.test',
        'p2.test',
        'p3.test',
        'p4.test',
      ],
    })).status).toBe(200)
    // Over the starter limit after a downgrade: dropping domains is still allowed, adding one is not.
    expect((await patch('globex', { plan: 'starter' })).status).toBe(200)
    await expectProblem(await patch('globex', {
      domains: [
        'p1.test',
        'p2.test',
        'p3.test',
        'p5.test',
      ],
    }), 422)
    expect((await patch('globex', {
      domains: ['p1.test', 'p2.test'],
    })).status).toBe(200)
    expect((await api.database.db.select().from(tenantDomains).where(eq(tenantDomains.tenantId, fixture.tenants.globex.id))).map(row => row.name).sort()).toEqual(['p1.test', 'p2.test'])
  })

  it('refuses to drop a domain carrying members\' mailboxes (409), but keeping it while adding others is fine', async () => {
    expect((await patch('globex', {
      domains: ['p1.test', 'box.test'],
    })).status).toBe(200)
    const [user] = await api.database.db.insert(users).values({ email: 'Bia@Box.test', name: 'Bia' }).returning()
    await api.database.db.insert(tenantMemberships).values({ tenantId: fixture.tenants.globex.id, userId: user!.id, role: 'member' })
    const problem = await expectProblem(await patch('globex', {
      domains: ['p1.test'],
    }), 409)
    expect(problem.detail).toContain('Bia@Box.test')
    expect(errorPaths(problem)).toEqual(['body.domains'])
    expect(await domainsOf('globex')).toEqual(['p1.test', 'box.test'])
    expect((await patch('globex', {
      domains: ['box.test', 'p2.test'],
    })).status).toBe(200)
  })
})

describe('domains of a tenant created by POST /tenants', () => {
  it('refuses more domains than the plan allows (422)', async () => {
    const problem = await expectProblem(await api.request('POST', '/tenants', {
      token: operator,
      body: {
        slug: 'too-many',
        name: 'Too Many',
        plan: 'starter',
        domains: [
          't1.test',
          't2.test',
          't3.test',
          't4.test',
        ],
      },
    }), 422)
    expect(errorPaths(problem)).toEqual(['body.domains'])
    expect((await api.request('POST', '/tenants', {
      token: operator,
      body: {
        slug: 'enough',
        name: 'Enough',
        plan: 'starter',
        domains: [
          't1.test',
          't2.test',
          't2.test',
          't3.test',
        ],
      },
    })).status).toBe(201)
    expect(await domainsOf('enough')).toEqual(['t1.test', 't2.test', 't3.test'])
  })
})
