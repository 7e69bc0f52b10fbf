import type { TestApi } from '../test-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi

beforeAll(async () => {
  api = await createTestApi()
  await seedFixture(api.database.db)
})
afterAll(() => api?.close())

const patch = async (groups: string[], body: Record<string, unknown>) => api.request('PATCH', '/tenants/acme', { token: await api.token(groups), body })

// The domain routes let whoever holds domain:write add and remove domains; replacing the list through
// PATCH /tenants/:slug asks the same capability, not the commercial one the plan needs.
describe('pATCH /tenants/:slug domains take domain:write', () => {
  it('lets the tenant\'s owners and admins replace the domains, as the domain routes do', async () => {
    expect((await patch(['tenant:acme:owner'], {
      domains: ['patch-owner.test'],
    })).status).toBe(200)
    const response = await patch(['tenant:acme:admin'], {
      domains: ['patch-owner.test', 'patch-admin.test'],
    })
    expect(response.status).toBe(200)
    expect((await response.json()).domains).toEqual(['patch-owner.test', 'patch-admin.test'])
  })

  it('still keeps the plan to partners and operators, naming only the field refused', async () => {
    const problem = await expectProblem(await patch(['tenant:acme:admin'], {
      plan: 'starter',
      domains: ['patch-admin.test'],
    }), 403)
    expect(problem.detail).toBe('Your role cannot change plan of a tenant.')
    // An unchanged plan sent along is no change (acme is on business).
    expect((await patch(['tenant:acme:owner'], {
      plan: 'business',
      domains: ['patch-owner.test'],
    })).status).toBe(200)
  })

  it('refuses roles without domain:write', async () => {
    await expectProblem(await patch(['tenant:acme:billing'], {
      domains: ['patch-billing.test'],
    }), 403)
    await expectProblem(await patch(['tenant:acme:member'], {
      domains: ['patch-member.test'],
    }), 403)
  })
})
