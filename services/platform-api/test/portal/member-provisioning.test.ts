import type { ProvisioningStack } from '../provisioning/provisioning-stack'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { provisioningSteps, tenants } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { startProvisioningStack } from '../provisioning/provisioning-stack'
import { createPortalTenant } from './create-portal-tenant'

let stack: ProvisioningStack

beforeAll(async () => {
  stack = await startProvisioningStack()
})
afterAll(() => stack?.close())

async function states(slug: string, token = stack.operator): Promise<Record<string, string>> {
  const response = await stack.api.request('GET', `/tenants/${slug}/members?limit=50`, { token })
  expect(response.status).toBe(200)
  const page = await response.json()
  return Object.fromEntries(page.items.map((item: { email: string, provisioning: string }) => [item.email, item.provisioning]))
}

describe('gET /tenants/:slug/members: provisioning per member', () => {
  it('is pending until the steps ran after the member\'s last change, then ready', async () => {
    const { slug } = await createPortalTenant(stack.api, stack.operator, 'mp-acme')
    expect(Object.values(await states(slug))).toEqual(['pending', 'pending', 'pending'])
    stack.startWorker()
    await stack.converged(slug)
    expect(await states(slug)).toEqual({
      'ana@mp-acme.test': 'ready',
      'bia@mp-acme.test': 'ready',
      'owner@mp-acme.test': 'ready',
    })

    await stack.stopWorkers()
    const bia = (await (await stack.api.request('GET', `/tenants/${slug}/members?q=bia`, { token: stack.operator })).json()).items[0]
    expect((await stack.api.request('PATCH', `/tenants/${slug}/members/${bia.id}`, {
      token: stack.operator,
      body: { role: 'admin' },
    })).status).toBe(200)
    expect(await states(slug)).toMatchObject({ 'bia@mp-acme.test': 'pending', 'ana@mp-acme.test': 'ready' })
    stack.startWorker()
    await stack.converged(slug)
    expect((await states(slug))['bia@mp-acme.test']).toBe('ready')
  })

  it('stays ready when a member signs in (first and later sign-ins change nothing upstream)', async () => {
    const slug = 'mp-acme'
    const signIn = async () => {
      const token = await stack.api.token([`tenant:${slug}:admin`], { sub: 'mp-ana-subject', email: `ana@${slug}.test`, name: 'ana' })
      expect((await stack.api.request('GET', '/users/me', { token })).status).toBe(200)
    }
    await signIn()
    await new Promise(resolve => setTimeout(resolve, 20))
    await signIn()
    expect((await states(slug))['ana@mp-acme.test']).toBe('ready')
  })

  it('is error while the identity or mail step is in error', async () => {
    await stack.stopWorkers()
    stack.startWorker()
    const { slug } = await createPortalTenant(stack.api, stack.operator, 'mp-globex')
    await stack.converged(slug)
    await stack.stopWorkers()
    const [tenant] = await stack.api.database.db.select().from(tenants).where(eq(tenants.slug, slug))
    await stack.api.database.db.update(provisioningSteps).set({ status: 'error', lastError: 'stalwart: refused' }).where(and(eq(provisioningSteps.tenantId, tenant!.id), eq(provisioningSteps.step, 'mail')))
    try {
      expect(Object.values(await states(slug))).toEqual(['error', 'error', 'error'])
    }
    finally {
      stack.startWorker()
    }
  })

  it('keeps the list scoped: 404 for another tenant\'s people, 403 for a plain member', async () => {
    const other = await stack.api.token(['tenant:mp-globex:owner'])
    await expectProblem(await stack.api.request('GET', '/tenants/mp-acme/members', { token: other }), 404)
    const member = await stack.api.token(['tenant:mp-acme:member'])
    await expectProblem(await stack.api.request('GET', '/tenants/mp-acme/members', { token: member }), 403)
  })
})
