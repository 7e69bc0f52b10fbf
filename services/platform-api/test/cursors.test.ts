import type { TestApi } from './test-api'
import { inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tenants } from '../src/db/schema'
import { expectProblem } from './expect-problem'
import { seedFixture } from './fixtures'
import { createTestApi } from './test-api'

let api: TestApi
let token: string

beforeAll(async () => {
  api = await createTestApi()
  await seedFixture(api.database.db)
  token = await api.token(['operator:super_admin'])
})
afterAll(() => api?.close())

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const UUID = '0b6f1c1e-8a5e-4c3f-9d1e-2f3a4b5c6d7e'
const TIMESTAMP = '2025-03-01T12:00:00.000Z'

async function get(path: string) {
  return api.request('GET', path, { token })
}

describe('a cursor must match the type of the list\'s sort column and id', () => {
  it.each([
    [
      '/tenants',
      ['abc', 'x'],
    ],
    [
      '/tenants',
      [123, UUID],
    ],
    [
      '/tenants',
      ['Acme', UUID],
    ],
    [
      '/tenants',
      ['2025-03-01T12:00:00Z', UUID],
    ],
    [
      '/tenants',
      ['0000-01-01T00:00:00.000Z', UUID],
    ],
    [
      '/tenants',
      [null, UUID],
    ],
    [
      '/tenants',
      [TIMESTAMP, UUID, 'extra'],
    ],
    [
      '/tenants?sort=status',
      ['zzz', UUID],
    ],
    [
      '/tenants?sort=name',
      ['a\u0000b', UUID],
    ],
    [
      '/tenants?sort=name',
      ['\uD800', UUID],
    ],
    [
      '/tenants?sort=slug',
      [TIMESTAMP, 'not-a-uuid'],
    ],
    [
      '/tenants/acme/members',
      [123, UUID],
    ],
    [
      '/tenants/acme/members?sort=createdAt',
      ['yesterday', UUID],
    ],
    [
      '/tenants/acme/subscriptions',
      ['abc', UUID],
    ],
    [
      '/partners',
      [1, UUID],
    ],
    [
      '/partners/nimbus/tenants',
      [123, UUID],
    ],
    [
      '/partners/nimbus/tenants?sort=createdAt',
      ['Acme', UUID],
    ],
    [
      '/audit',
      ['x', 'abc'],
    ],
    [
      '/audit',
      [1, 1e30],
    ],
    [
      '/audit',
      [1, 1.5],
    ],
    [
      '/audit',
      [0, 0],
    ],
    [
      '/audit',
      [2 ** 53, 2 ** 53],
    ],
  ])('%s with %j → 400 Invalid cursor', async (path, value) => {
    const separator = path.includes('?')
      ? '&'
      : '?'
    const problem = await expectProblem(await get(`${path}${separator}cursor=${cursor(value)}`), 400, { title: 'Invalid cursor' })
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'query.cursor' }),
    ])
  })

  it('refuses a member cursor issued for another sort order', async () => {
    const byEmail = await (await get('/tenants/acme/members?sort=email&limit=1')).json()
    expect(byEmail.nextCursor).toEqual(expect.any(String))
    await expectProblem(await get(`/tenants/acme/members?sort=name&cursor=${byEmail.nextCursor}`), 400, { title: 'Invalid cursor' })
    await expectProblem(await get(`/tenants/acme/members?sort=-email&cursor=${byEmail.nextCursor}`), 400, { title: 'Invalid cursor' })
    expect((await get(`/tenants/acme/members?sort=email&cursor=${byEmail.nextCursor}`)).status).toBe(200)
  })

  it('still accepts the cursors the API issues', async () => {
    for (const path of [
      '/tenants?sort=status',
      '/tenants?sort=name',
      '/tenants/acme/members?sort=createdAt',
      '/partners',
      '/audit',
    ]) {
      const first = await (await get(`${path}${path.includes('?')
        ? '&'
        : '?'}limit=1`)).json()
      expect(first.nextCursor).toEqual(expect.any(String))
      const next = await get(`${path}${path.includes('?')
        ? '&'
        : '?'}limit=1&cursor=${first.nextCursor}`)
      expect(next.status).toBe(200)
      expect((await next.json()).items[0]).not.toEqual(first.items[0])
    }
  })
})

describe('keyset pages over equal sort values', () => {
  it('pages three tenants created in one statement (same createdAt) without loops or skips', async () => {
    const rows = await api.database.db.insert(tenants).values([
      { slug: 'tie-a', name: 'Tie A' },
      { slug: 'tie-b', name: 'Tie B' },
      { slug: 'tie-c', name: 'Tie C' },
    ]).returning()
    expect(new Set(rows.map(row => row.createdAt.getTime())).size).toBe(1)
    const byId = rows.map(row => row.slug)
    byId.sort((a, b) => rows.find(r => r.slug === a)!.id < rows.find(r => r.slug === b)!.id
      ? -1
      : 1)

    for (const [sort, expected] of [
      ['createdAt', byId],
      [
        '-createdAt',
        [...byId].reverse(),
      ],
    ] as const) {
      const seen: string[] = []
      let next: string | null = null
      // Three rows at limit=1 take three pages; a fourth request would mean the cursor loops.
      for (let page = 0; page < 4; page++) {
        const body: { items: { slug: string }[], nextCursor: string | null } = await (await get(`/tenants?q=tie-&limit=1&sort=${sort}${next
          ? `&cursor=${next}`
          : ''}`)).json()
        seen.push(...body.items.map(item => item.slug))
        next = body.nextCursor
        if (!next)
          break
      }
      expect(seen).toEqual(expected)
    }
    await api.database.db.delete(tenants).where(inArray(tenants.id, rows.map(row => row.id)))
  })
})
