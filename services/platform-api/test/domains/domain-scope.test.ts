import type { TTenantDomain } from '@dezky/contracts'
import type { TestApi } from '../test-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let acmeOwner: string
let operator: string

beforeAll(async () => {
  api = await createTestApi()
  await seedFixture(api.database.db)
  acmeOwner = await api.token(['tenant:acme:owner'])
  operator = await api.token(['operator:super_admin'])
  expect((await add(acmeOwner, 'acme', 'acme-routes.test')).status).toBe(201)
})
afterAll(() => api?.close())

function add(token: string, slug: string, name: string) {
  return api.request('POST', `/tenants/${slug}/domains`, {
    token,
    body: { name },
  })
}
const list = async (token: string, slug: string) => (await (await api.request('GET', `/tenants/${slug}/domains`, { token })).json()).items as TTenantDomain[]

describe('who sees what', () => {
  it('another tenant\'s admin cannot see, check or remove a domain (404); the owner\'s own member role gets 403', async () => {
    const globexAdmin = await api.token(['tenant:globex:admin'])
    for (const [method, path] of [
      ['GET', '/tenants/acme/domains'],
      ['GET', '/tenants/acme/domains/acme-routes.test'],
      ['POST', '/tenants/acme/domains/acme-routes.test/check'],
      ['DELETE', '/tenants/acme/domains/acme-routes.test'],
    ] as const)
      await expectProblem(await api.request(method, path, { token: globexAdmin }), 404)
    // Through its own tenant's address, a domain of another tenant is no more visible.
    await expectProblem(await api.request('GET', '/tenants/globex/domains/acme-routes.test', { token: globexAdmin }), 404)
    await expectProblem(await api.request('DELETE', '/tenants/globex/domains/acme-routes.test', { token: globexAdmin }), 404)
    const member = await api.token(['tenant:acme:member'])
    await expectProblem(await api.request('GET', '/tenants/acme/domains', { token: member }), 403)
    await expectProblem(await add(member, 'acme', 'member.test'), 403)
    expect((await list(acmeOwner, 'acme')).map(d => d.name)).toContain('acme-routes.test')
  })

  it('a partner sees and manages its customers\' domains, not other partners\'', async () => {
    const nimbusAgent = await api.token(['partner:nimbus:partner_agent'])
    expect((await list(nimbusAgent, 'acme')).map(d => d.name)).toContain('acme-routes.test')
    expect((await add(nimbusAgent, 'acme', 'acme-partner.test')).status).toBe(201)
    await expectProblem(await api.request('GET', '/tenants/globex/domains', { token: nimbusAgent }), 404)
  })
})

describe('domains changed through the tenant', () => {
  it('creating a tenant and patching its domains keep the domain rows in step, tokens of kept domains unchanged', async () => {
    const created = await api.request('POST', '/tenants', {
      token: operator,
      body: {
        slug: 'synced',
        name: 'Synced',
        domains: ['synced-a.test', 'synced-b.test'],
      },
    })
    expect(created.status).toBe(201)
    const before = await list(operator, 'synced')
    expect(before.map(d => d.name)).toEqual(['synced-a.test', 'synced-b.test'])
    const patched = await api.request('PATCH', '/tenants/synced', {
      token: operator,
      body: {
        domains: ['synced-b.test', 'synced-c.test'],
      },
    })
    expect(patched.status).toBe(200)
    const after = await list(operator, 'synced')
    expect(after.map(d => d.name)).toEqual(['synced-b.test', 'synced-c.test'])
    expect(after[0]!.verification.value).toBe(before[1]!.verification.value)
  })
})
