import type { Fixture } from '../fixtures'
import type { TestApi } from '../test-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provisioningSteps, tenantMemberships, tenants, users } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let fixture: Fixture
let operator: string
const ids = new Map<string, string>()

// Six tenants (found by `q=lst-`) across both partners and none, with ties on every sort field but name and slug.
const TENANTS = [
  {
    key: 'a',
    name: 'Alfa',
    status: 'active',
    plan: 'business',
    partner: 'nimbus',
    createdAt: '2025-01-02T00:00:00.000Z',
    members: 2,
    steps: {
      identity: 'ok',
      mail: 'error',
      files: 'error',
      onboarding: 'ok',
    },
  },
  {
    key: 'b',
    name: 'Bravo',
    status: 'suspended',
    plan: 'starter',
    partner: 'stratus',
    createdAt: '2025-01-01T00:00:00.000Z',
    members: 0,
    steps: {
      identity: 'ok',
      mail: 'pending',
      files: 'ok',
      onboarding: 'ok',
    },
  },
  {
    key: 'c',
    name: 'Charlie',
    status: 'active',
    plan: 'enterprise',
    partner: null,
    createdAt: '2025-01-02T00:00:00.000Z',
    members: 2,
    steps: {
      identity: 'ok',
      mail: 'ok',
      files: 'ok',
      onboarding: 'skipped',
    },
  },
  {
    key: 'd',
    name: 'Delta',
    status: 'provisioning',
    plan: 'starter',
    partner: 'nimbus',
    createdAt: '2025-01-03T00:00:00.000Z',
    members: 1,
    steps: {
      identity: 'running',
      mail: 'error',
      files: 'pending',
      onboarding: 'pending',
    },
  },
  {
    key: 'e',
    name: 'Echo',
    status: 'active',
    plan: 'business',
    partner: null,
    createdAt: '2025-01-02T00:00:00.000Z',
    members: 0,
    steps: {},
  },
  {
    key: 'f',
    name: 'Foxtrot',
    status: 'deleted',
    plan: 'starter',
    partner: 'stratus',
    createdAt: '2025-01-04T00:00:00.000Z',
    members: 1,
    steps: {
      identity: 'ok',
      mail: 'ok',
      files: 'ok',
      onboarding: 'ok',
    },
  },
] as const

beforeAll(async () => {
  api = await createTestApi()
  fixture = await seedFixture(api.database.db)
  operator = await api.token(['operator:noc'])
  const { db } = api.database
  const rows = await db.insert(tenants).values(TENANTS.map(tenant => ({
    slug: `lst-${tenant.key}`,
    name: tenant.name,
    status: tenant.status,
    plan: tenant.plan,
    createdAt: new Date(tenant.createdAt),
    partnerId: tenant.partner && fixture.partners[tenant.partner].id,
  }))).returning()
  for (const tenant of TENANTS) {
    const row = rows.find(r => r.slug === `lst-${tenant.key}`)!
    ids.set(tenant.key, row.id)
    for (let index = 0; index < tenant.members; index++) {
      const [user] = await db.insert(users).values({ email: `m${index}@lst-${tenant.key}.example`, name: `Member ${index}` }).returning()
      await db.insert(tenantMemberships).values({ tenantId: row.id, userId: user!.id, role: 'member' })
    }
    const steps = Object.entries(tenant.steps) as [typeof provisioningSteps.$inferInsert['step'], typeof provisioningSteps.$inferInsert['status']][]
    if (steps.length)
      await db.insert(provisioningSteps).values(steps.map(([step, status]) => ({ tenantId: row.id, step, status })))
  }
})
afterAll(() => api?.close())

const get = (query: string, token = operator) => api.request('GET', `/tenants?q=lst-&${query}`, { token })

async function keysOf(query: string, token = operator): Promise<string[]> {
  const response = await get(query, token)
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()).items.map((item: { slug: string }) => item.slug.slice('lst-'.length))
}

/** Every page of one sort, two tenants a page: the keys in order, and the cursors issued. */
async function pageThrough(sort: string, token = operator) {
  const keys: string[] = []
  const cursors: string[] = []
  let cursor: string | undefined
  do {
    const response = await get(`limit=2&sort=${sort}${cursor
      ? `&cursor=${cursor}`
      : ''}`, token)
    expect(response.status, await response.clone().text()).toBe(200)
    const page = await response.json()
    keys.push(...page.items.map((item: { slug: string }) => item.slug.slice('lst-'.length)))
    cursor = page.nextCursor ?? undefined
    if (cursor)
      cursors.push(cursor)
  } while (cursor)
  return { keys, cursors }
}

const STATUS_ORDER = [
  'provisioning',
  'active',
  'suspended',
  'offboarding',
  'deleted',
]
const PLAN_ORDER = ['starter', 'business', 'enterprise']
const RANKS = {
  name: (t: typeof TENANTS[number]) => t.name,
  slug: (t: typeof TENANTS[number]) => t.key,
  createdAt: (t: typeof TENANTS[number]) => t.createdAt,
  status: (t: typeof TENANTS[number]) => STATUS_ORDER.indexOf(t.status),
  plan: (t: typeof TENANTS[number]) => PLAN_ORDER.indexOf(t.plan),
  users: (t: typeof TENANTS[number]) => t.members,
}

/** The keys sorted by a field, ties in id order (as the API breaks them), reversed as a whole for `desc`. */
function expected(field: keyof typeof RANKS, desc = false): string[] {
  const compare = (a: number | string, b: number | string) => a < b
    ? -1
    : a > b
      ? 1
      : 0
  const sign = desc
    ? -1
    : 1
  return [...TENANTS].sort((a, b) => sign * (compare(RANKS[field](a), RANKS[field](b)) || compare(ids.get(a.key)!, ids.get(b.key)!))).map(t => t.key)
}

describe('gET /tenants for the operator console', () => {
  it.each(Object.keys(RANKS) as (keyof typeof RANKS)[])('sorts by %s both ways, paging through ties without repeating or skipping one', async (field) => {
    expect((await pageThrough(field)).keys).toEqual(expected(field))
    expect((await pageThrough(`-${field}`)).keys).toEqual(expected(field, true))
  })

  it('answers each tenant with its partner, member count, provisioning health and failing steps', async () => {
    const { items } = await (await get('sort=slug')).json()
    expect(items.map((item: Record<string, unknown>) => [
      item.slug,
      item.partnerSlug,
      item.users,
      item.health,
      item.failingSteps,
    ])).toEqual([
      [
        'lst-a',
        'nimbus',
        2,
        'error',
        ['mail', 'files'],
      ],
      ['lst-b', 'stratus', 0, 'pending', []],
      ['lst-c', null, 2, 'ok', []],
      [
        'lst-d',
        'nimbus',
        1,
        'error',
        ['mail'],
      ],
      ['lst-e', null, 0, 'ok', []],
      ['lst-f', 'stratus', 1, 'ok', []],
    ])
    // Still every field of a tenant, as the portal reads them.
    expect(items[0]).toMatchObject({
      id: ids.get('a'),
      name: 'Alfa',
      plan: 'business',
      domains: [],
      branding: {},
      statusReason: null,
    })
  })

  it.each([
    [
      'status=active',
      ['a', 'c', 'e'],
    ],
    [
      'status=deleted',
      ['f'],
    ],
    [
      'plan=starter',
      ['b', 'd', 'f'],
    ],
    [
      'partner=nimbus',
      ['a', 'd'],
    ],
    [
      'partner=stratus&status=suspended',
      ['b'],
    ],
    [
      'direct=true',
      ['c', 'e'],
    ],
    [
      'direct=false',
      ['a', 'b', 'd', 'f'],
    ],
    [
      'health=error',
      ['a', 'd'],
    ],
    [
      'health=pending',
      ['b'],
    ],
    [
      'health=ok',
      ['c', 'e', 'f'],
    ],
    [
      'health=ok&direct=true&plan=business',
      ['e'],
    ],
    ['partner=nimbus&health=ok', []],
    ['partner=nobody', []],
  ])('filters by %s', async (query, keys) => {
    expect(await keysOf(`sort=slug&${query}`)).toEqual(keys)
  })

  it('searches slug and name case-insensitively, LIKE wildcards taken literally', async () => {
    const search = async (q: string) => (await (await api.request('GET', `/tenants?sort=slug&q=${encodeURIComponent(q)}`, { token: operator })).json()).items.map((item: { slug: string }) => item.slug)
    expect(await search('CHARL')).toEqual(['lst-c'])
    expect(await search('lst-e')).toEqual(['lst-e'])
    expect(await search('lst_')).toEqual([])
    expect(await search('%')).toEqual([])
  })

  it('answers an empty page for a search that finds nothing', async () => {
    expect(await (await api.request('GET', '/tenants?q=no-such-tenant', { token: operator })).json()).toEqual({ items: [], nextCursor: null })
  })

  it('shows a partner its customers only and a tenant\'s people their tenant only, whatever the filters ask', async () => {
    const nimbus = await api.token(['partner:nimbus:partner_agent'])
    expect(await keysOf('sort=slug', nimbus)).toEqual(['a', 'd'])
    expect(await keysOf('sort=slug&partner=stratus', nimbus)).toEqual([])
    expect(await keysOf('sort=slug&direct=true', nimbus)).toEqual([])
    expect((await pageThrough('-users', nimbus)).keys).toEqual(['a', 'd'])
    const stratus = await api.token(['partner:stratus:partner_admin'])
    expect(await keysOf('sort=slug', stratus)).toEqual(['b', 'f'])
    const member = await api.token(['tenant:lst-c:member'])
    const { items } = await (await api.request('GET', '/tenants', { token: member })).json()
    expect(items.map((item: { slug: string }) => item.slug)).toEqual(['lst-c'])
    expect(items[0]).toMatchObject({ users: 2, health: 'ok' })
  })

  it('is 400 problem for a cursor of another sort or direction, an unknown sort and a bad filter value', async () => {
    const byName = (await pageThrough('name')).cursors[0]
    const bySlug = (await pageThrough('slug')).cursors[0]
    const byUsers = (await pageThrough('-users')).cursors[0]
    await expectProblem(await get(`limit=2&sort=slug&cursor=${byName}`), 400, { title: 'Invalid cursor' })
    await expectProblem(await get(`limit=2&sort=name&cursor=${bySlug}`), 400, { title: 'Invalid cursor' })
    await expectProblem(await get(`limit=2&sort=-name&cursor=${byName}`), 400, { title: 'Invalid cursor' })
    await expectProblem(await get(`limit=2&sort=users&cursor=${byUsers}`), 400, { title: 'Invalid cursor' })
    await expectProblem(await get(`limit=2&cursor=${byName}`), 400, { title: 'Invalid cursor' })
    expect((await get(`limit=2&sort=-users&cursor=${byUsers}`)).status).toBe(200)
    for (const [query, path] of [
      ['sort=health', 'query.sort'],
      ['health=broken', 'query.health'],
      ['status=gone', 'query.status'],
      ['plan=huge', 'query.plan'],
      ['direct=yes', 'query.direct'],
      ['partner=Not A Slug', 'query.partner'],
      ['direct=true&partner=nimbus', 'query.direct'],
    ]) {
      const problem = await expectProblem(await get(query!), 400)
      expect(problem.errors.map((error: { path: string }) => error.path), query).toEqual([path])
    }
  })

  it('keeps a partner\'s customers list as it was: deleted ones left out, health and counts from the same query', async () => {
    const token = await api.token(['partner:stratus:partner_admin'])
    const { items } = await (await api.request('GET', '/partners/stratus/customers?q=lst-', { token })).json()
    expect(items).toEqual([
      {
        slug: 'lst-b',
        name: 'Bravo',
        status: 'suspended',
        plan: 'starter',
        users: 0,
        health: 'pending',
        failingSteps: [],
        createdAt: '2025-01-01T00:00:00.000Z',
      },
    ])
  })
})
