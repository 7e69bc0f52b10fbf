import type { Fixture } from '../fixtures'
import type { TestApi } from '../test-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tenantMemberships, users } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let fixture: Fixture
let operator: string
let nimbus: string
let stratus: string

interface Item {
  id: string
  email: string
  name: string
  active: boolean
  memberships: { tenantSlug: string, tenantName: string, role: string, active: boolean }[]
}

const TIES = 7

beforeAll(async () => {
  api = await createTestApi()
  fixture = await seedFixture(api.database.db)
  operator = await api.token(['operator:noc'])
  nimbus = await api.token(['partner:nimbus:partner_agent'])
  stratus = await api.token(['partner:stratus:partner_admin'])
  const { db } = api.database
  // Someone in a customer of each partner (disabled in one of them) and in the direct customer.
  const [shared] = await db.insert(users).values({ email: 'zoe.shared@people.example', name: 'Zoë Shared' }).returning()
  await db.insert(tenantMemberships).values([
    { tenantId: fixture.tenants.acme.id, userId: shared!.id, role: 'admin' },
    {
      tenantId: fixture.tenants.globex.id,
      userId: shared!.id,
      role: 'member',
      active: false,
    },
    { tenantId: fixture.tenants.initech.id, userId: shared!.id, role: 'billing' },
  ])
  const inserted = await db.insert(users).values([
    { email: 'loner@people.example', name: 'No Tenant Yet' },
    { email: 'discount@people.example', name: '50%_off Person', active: false },
    { email: 'fifty@people.example', name: '50 off Person' },
    ...Array.from({ length: TIES }, (_, k) => ({ email: `tie${k}@ties.example`, name: 'Tie Person' })),
  ]).returning()
  await db.insert(tenantMemberships).values(inserted.filter(user => user.email !== 'loner@people.example').map(user => ({
    tenantId: fixture.tenants.acme.id,
    userId: user.id,
    role: 'member' as const,
  })))
})
afterAll(() => api?.close())

async function search(query: string, token = operator): Promise<Item[]> {
  const response = await api.request('GET', `/users?${query}`, { token })
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()).items
}

async function pageThrough(query: string, token = operator): Promise<{ items: Item[], cursors: string[] }> {
  const items: Item[] = []
  const cursors: string[] = []
  let cursor: string | undefined
  do {
    const response = await api.request('GET', `/users?limit=2&${query}${cursor
      ? `&cursor=${cursor}`
      : ''}`, { token })
    expect(response.status, await response.clone().text()).toBe(200)
    const page = await response.json()
    items.push(...page.items)
    cursor = page.nextCursor ?? undefined
    if (cursor)
      cursors.push(cursor)
  } while (cursor)
  return { items, cursors }
}

describe('gET /users', () => {
  it('finds a person by name or e-mail, case-insensitively, with each of their memberships', async () => {
    const [byName] = await search('q=zoë')
    expect(await search('q=ZOE.SHARED@')).toEqual([byName])
    expect(byName).toMatchObject({ email: 'zoe.shared@people.example', name: 'Zoë Shared', active: true })
    expect(byName!.memberships).toEqual([
      {
        tenantSlug: 'acme',
        tenantName: 'Acme',
        role: 'admin',
        active: true,
      },
      {
        tenantSlug: 'globex',
        tenantName: 'Globex',
        role: 'member',
        active: false,
      },
      {
        tenantSlug: 'initech',
        tenantName: 'Initech',
        role: 'billing',
        active: true,
      },
    ])
  })

  it('takes % and _ in the search literally', async () => {
    expect((await search('q=50%25_')).map(item => item.email)).toEqual(['discount@people.example'])
    expect((await search('q=50%25')).map(item => item.email)).toEqual(['discount@people.example'])
    expect((await search('q=50 off')).map(item => item.email)).toEqual(['fifty@people.example'])
  })

  it('shows operators everyone, people without a tenant too; a partner only its customers\' people and memberships', async () => {
    expect((await search('q=loner')).map(item => item.memberships)).toEqual([[]])
    expect(await search('q=loner', nimbus)).toEqual([])
    const [seenByNimbus] = await search('q=zoe', nimbus)
    expect(seenByNimbus!.memberships.map(m => m.tenantSlug)).toEqual(['acme'])
    const [seenByStratus] = await search('q=zoe', stratus)
    expect(seenByStratus!.memberships).toEqual([
      {
        tenantSlug: 'globex',
        tenantName: 'Globex',
        role: 'member',
        active: false,
      },
    ])
    // Each partner, paging through everyone it may see, meets its own customers' people only.
    for (const [token, slugs] of [
      [
        nimbus,
        ['acme'],
      ],
      [
        stratus,
        ['globex'],
      ],
    ] as const) {
      const { items } = await pageThrough('', token)
      expect(items.length).toBeGreaterThan(0)
      expect(new Set(items.flatMap(item => item.memberships.map(m => m.tenantSlug)))).toEqual(new Set(slugs))
    }
    const { items: everyone } = await pageThrough('')
    expect(new Set(everyone.flatMap(item => item.memberships.map(m => m.tenantSlug)))).toEqual(new Set(['acme', 'globex', 'initech']))
  })

  it('finds nobody for a tenant\'s people, owners included', async () => {
    for (const role of ['owner', 'member']) {
      const token = await api.token([`tenant:acme:${role}`])
      expect(await (await api.request('GET', '/users?q=zoe', { token })).json()).toEqual({ items: [], nextCursor: null })
    }
  })

  it('answers an empty page when nothing matches', async () => {
    expect(await (await api.request('GET', '/users?q=nobody-by-this-name', { token: operator })).json()).toEqual({ items: [], nextCursor: null })
  })

  it.each([
    'email',
    '-email',
    'name',
    '-name',
    'createdAt',
    '-createdAt',
  ])('pages through ties by %s without repeating or skipping anyone', async (sort) => {
    const { items } = await pageThrough(`q=ties.example&sort=${sort}`)
    const { rows } = await api.database.db.$client.query<{ id: string }>(`select id from users where email like '%@ties.example' order by ${sort.replace('-', '').replace('createdAt', 'created_at')} ${sort.startsWith('-')
      ? 'desc'
      : 'asc'}, id ${sort.startsWith('-')
      ? 'desc'
      : 'asc'}`)
    expect(items.map(item => item.id)).toEqual(rows.map(row => row.id))
    expect(rows).toHaveLength(TIES)
  })

  it('is 400 problem for a cursor of another sort, an unknown sort or a bad search', async () => {
    const { cursors } = await pageThrough('q=ties.example&sort=email')
    await expectProblem(await api.request('GET', `/users?q=ties.example&sort=name&cursor=${cursors[0]}`, { token: operator }), 400, { title: 'Invalid cursor' })
    await expectProblem(await api.request('GET', `/users?q=ties.example&sort=-email&cursor=${cursors[0]}`, { token: operator }), 400, { title: 'Invalid cursor' })
    await expectProblem(await api.request('GET', '/users?cursor=bm9wZQ', { token: operator }), 400, { title: 'Invalid cursor' })
    await expectProblem(await api.request('GET', '/users?sort=role', { token: operator }), 400)
    await expectProblem(await api.request('GET', `/users?q=${'x'.repeat(101)}`, { token: operator }), 400)
    await expectProblem(await api.request('GET', '/users?tenant=acme', { token: operator }), 400)
  })
})
