import type { TestApi } from './test-api'
import { ZMe } from '@dezky/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedFixture } from './fixtures'
import { createTestApi } from './test-api'

let api: TestApi

beforeAll(async () => {
  api = await createTestApi()
  await seedFixture(api.database.db)
})
afterAll(() => api?.close())

async function me(token: string) {
  const response = await api.request('GET', '/users/me', { token })
  expect(response.status).toBe(200)
  return ZMe.parse(await response.json())
}

describe('gET /users/me: partner names', () => {
  it('names each of the caller\'s partners, and only theirs', async () => {
    const answer = await me(await api.token([
      'partner:stratus:partner_agent',
      'partner:nimbus:partner_admin',
      'tenant:acme:member',
    ]))
    expect(answer.partners).toEqual([
      { slug: 'stratus', role: 'partner_agent', name: 'Stratus Hosting' },
      { slug: 'nimbus', role: 'partner_admin', name: 'Nimbus Cloud' },
    ])
    expect(answer.tenants).toEqual([
      { slug: 'acme', role: 'member' },
    ])

    const other = await me(await api.token(['partner:nimbus:partner_agent'], { sub: 'nimbus-only' }))
    expect(other.partners).toEqual([
      { slug: 'nimbus', role: 'partner_agent', name: 'Nimbus Cloud' },
    ])
  })

  it('a partner the platform does not hold keeps its slug and role, without a name', async () => {
    const answer = await me(await api.token(['partner:gone:partner_admin', 'partner:nimbus:partner_agent'], { sub: 'stale-group' }))
    expect(answer.partners).toEqual([
      { slug: 'gone', role: 'partner_admin' },
      { slug: 'nimbus', role: 'partner_agent', name: 'Nimbus Cloud' },
    ])
  })

  it('no partners: an empty list', async () => {
    expect((await me(await api.token(['tenant:globex:owner'], { sub: 'no-partner' }))).partners).toEqual([])
  })
})
