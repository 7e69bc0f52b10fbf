import type { Fixture } from '../fixtures'
import type { TestApi } from '../test-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tenantMemberships, tenants, users } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let fixture: Fixture
let token: string

// Five customers (found by `q=srt-`) with ties on every sort field but name: ties must page without gaps.
const CUSTOMERS = [
  {
    key: 'a',
    name: 'Alfa',
    status: 'active',
    plan: 'business',
    createdAt: '2025-01-02T00:00:00.000Z',
    members: 2,
  },
  {
    key: 'b',
    name: 'Bravo',
    status: 'suspended',
    plan: 'starter',
    createdAt: '2025-01-01T00:00:00.000Z',
    members: 0,
  },
  {
    key: 'c',
    name: 'Charlie',
    status: 'active',
    plan: 'enterprise',
    createdAt: '2025-01-02T00:00:00.000Z',
    members: 2,
  },
  {
    key: 'd',
    name: 'Delta',
    status: 'provisioning',
    plan: 'starter',
    createdAt: '2025-01-03T00:00:00.000Z',
    members: 1,
  },
  {
    key: 'e',
    name: 'Echo',
    status: 'active',
    plan: 'business',
    createdAt: '2025-01-02T00:00:00.000Z',
    members: 0,
  },
] as const

beforeAll(async () => {
  api = await createTestApi()
  fixture = await seedFixture(api.database.db)
  token = await api.token(['partner:nimbus:partner_admin'])
  const { db } = api.database
  const rows = await db.insert(tenants).values(CUSTOMERS.map(customer => ({
    slug: `srt-${customer.key}`,
    name: customer.name,
    status: customer.status,
    plan: customer.plan,
    createdAt: new Date(customer.createdAt),
    partnerId: fixture.partners.nimbus.id,
  }))).returning()
  for (const customer of CUSTOMERS) {
    const tenant = rows.find(row => row.slug === `srt-${customer.key}`)!
    for (let index = 0; index < customer.members; index++) {
      const [user] = await db.insert(users).values({ email: `m${index}@srt-${customer.key}.example`, name: `Member ${index}` }).returning()
      await db.insert(tenantMemberships).values({ tenantId: tenant.id, userId: user!.id, role: 'member' })
    }
  }
})
afterAll(() => api?.close())

const get = async (query: string) => api.request('GET', `/partners/nimbus/customers?q=srt-&${query}`, { token })

/** Every page of one sort, two customers a page: the keys in order, and the cursors issued. */
async function pageThrough(sort: string) {
  const keys: string[] = []
  const cursors: string[] = []
  let cursor: string | undefined
  do {
    const response = await get(`limit=2&sort=${sort}${cursor
      ? `&cursor=${cursor}`
      : ''}`)
    expect(response.status).toBe(200)
    const page = await response.json()
    keys.push(...page.items.map((item: { slug: string }) => item.slug.slice('srt-'.length)))
    cursor = page.nextCursor ?? undefined
    if (cursor)
      cursors.push(cursor)
  } while (cursor)
  return { keys, cursors }
}

/** The keys sorted by a field, ties in id order (as the API breaks them), then reversed for `desc`. */
function expected(field: 'name' | 'createdAt' | 'status' | 'plan' | 'members', rank: (value: string | number) => number | string, ids: Map<string, string>, desc = false) {
  const sign = desc
    ? -1
    : 1
  const compare = (a: number | string, b: number | string) => a < b
    ? -1
    : a > b
      ? 1
      : 0
  return [...CUSTOMERS].sort((a, b) => sign * (compare(rank(a[field]), rank(b[field])) || compare(ids.get(a.key)!, ids.get(b.key)!))).map(customer => customer.key)
}

describe('gET /partners/:slug/customers?sort=', () => {
  let ids: Map<string, string>
  beforeAll(async () => {
    const all = await api.database.db.select({ slug: tenants.slug, id: tenants.id }).from(tenants)
    ids = new Map(all.map(row => [
      row.slug.replace(/^srt-/, ''),
      row.id,
    ]))
  })
  const STATUS_ORDER = [
    'provisioning',
    'active',
    'suspended',
    'deleted',
  ]
  const PLAN_ORDER = ['starter', 'business', 'enterprise']

  it('sorts by name by default, and by name descending', async () => {
    expect((await pageThrough('name')).keys).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect((await (await get('')).json()).items.map((item: { name: string }) => item.name)).toEqual([
      'Alfa',
      'Bravo',
      'Charlie',
      'Delta',
      'Echo',
    ])
    expect((await pageThrough('-name')).keys).toEqual(['e', 'd', 'c', 'b', 'a'])
  })

  it.each([
    [
      'createdAt',
      'createdAt',
      (value: string | number) => value,
    ],
    [
      'status',
      'status',
      (value: string | number) => STATUS_ORDER.indexOf(String(value)),
    ],
    [
      'plan',
      'plan',
      (value: string | number) => PLAN_ORDER.indexOf(String(value)),
    ],
    [
      'users',
      'members',
      (value: string | number) => value,
    ],
  ] as const)('sorts by %s both ways, paging through ties without repeating or skipping one', async (sort, field, rank) => {
    expect((await pageThrough(sort)).keys).toEqual(expected(field, rank, ids))
    expect((await pageThrough(`-${sort}`)).keys).toEqual(expected(field, rank, ids, true))
  })

  it('answers the member count it sorts by', async () => {
    const { items } = await (await get('sort=-users&limit=5')).json()
    expect(items.map((item: { users: number }) => item.users)).toEqual([2, 2, 1, 0, 0])
  })

  it('is 400 for a cursor issued for another sort or direction, and for an unknown sort field', async () => {
    const { cursors: byName } = await pageThrough('name')
    const { cursors: byPlan } = await pageThrough('plan')
    const { cursors: byUsers } = await pageThrough('users')
    await expectProblem(await get(`limit=2&sort=plan&cursor=${byName[0]}`), 400)
    await expectProblem(await get(`limit=2&sort=name&cursor=${byPlan[0]}`), 400)
    await expectProblem(await get(`limit=2&sort=-name&cursor=${byName[0]}`), 400)
    await expectProblem(await get(`limit=2&sort=createdAt&cursor=${byUsers[0]}`), 400)
    await expectProblem(await get(`limit=2&cursor=${byUsers[0]}`), 400)
    expect((await get(`limit=2&sort=users&cursor=${byUsers[0]}`)).status).toBe(200)
    await expectProblem(await get('sort=health'), 400)
    await expectProblem(await get('sort=slug'), 400)
  })
})
