import type { ProvisioningStack } from './provisioning-stack'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, tenants } from '../../src/db/schema'
import { startProvisioningStack } from './provisioning-stack'

let stack: ProvisioningStack

beforeAll(async () => {
  stack = await startProvisioningStack()
  stack.startWorker()
})
afterAll(() => stack?.close())

async function createTenant(slug: string, domain: string) {
  const { api, operator } = stack
  const created = await api.request('POST', '/tenants', {
    token: operator,
    body: {
      slug,
      name: `Tenant ${slug}`,
      plan: 'starter',
      domains: [domain],
    },
  })
  expect(created.status, await created.clone().text()).toBe(201)
  for (const [email, role] of [
    [`owner@${domain}`, 'owner'],
    [`ana@${domain}`, 'admin'],
    [`bia@${domain}`, 'member'],
  ] as const) {
    const added = await api.request('POST', `/tenants/${slug}/members`, {
      token: operator,
      body: { email, name: email.split('@')[0], role },
    })
    expect(added.status, await added.clone().text()).toBe(201)
  }
}

describe('a new tenant', () => {
  it('is provisioned into every upstream and turns active', async () => {
    await createTenant('umbrella', 'umbrella.test')
    await stack.converged('umbrella')
    const { twins, api, operator } = stack
    const [tenant] = await api.database.db.select().from(tenants).where(eq(tenants.slug, 'umbrella'))
    expect(tenant!.status).toBe('active')
    expect(twins.idp.authentik.groups().filter(g => g.name.startsWith('tenant:umbrella:')).map(g => g.name).sort())
      .toEqual([
        'tenant:umbrella:admin',
        'tenant:umbrella:billing',
        'tenant:umbrella:member',
        'tenant:umbrella:owner',
      ])
    expect(twins.stalwart.objects('Account').map(a => a.emailAddress).filter(e => String(e).endsWith('@umbrella.test')).sort())
      .toEqual(['ana@umbrella.test', 'bia@umbrella.test', 'owner@umbrella.test'])
    expect(twins.ocis.spaces().filter(s => s.name === 'umbrella')).toHaveLength(1)
    expect(twins.smtp.messages().filter(m => m.to.includes('owner@umbrella.test'))).toHaveLength(1)

    const view = await (await api.request('GET', '/tenants/umbrella/provisioning', { token: operator })).json()
    expect(view.converged).toBe(true)
    expect(view.steps.map((s: { status: string }) => s.status)).toEqual(['ok', 'ok', 'ok', 'ok'])
    expect(view.dnsRecords.some((r: { purpose: string }) => r.purpose === 'dkim')).toBe(true)
    expect(view.onboardingSentAt).toBeTruthy()

    const writes = await api.database.db.select().from(auditLog).where(sql`${auditLog.actorSubject} = 'system:reconciler' and ${auditLog.tenantSlug} = 'umbrella'`)
    expect(writes.length).toBeGreaterThan(10)
    expect(writes.map(w => w.action)).toContain('tenant.activate')
  })

  it('reconciles again with zero upstream writes once converged', async () => {
    stack.twins.resetWrites()
    const response = await stack.api.request('POST', '/tenants/umbrella/reconcile', { token: stack.operator })
    expect(response.status).toBe(202)
    await new Promise(resolve => setTimeout(resolve, 300))
    await stack.converged('umbrella')
    expect(stack.twins.writes().total).toBe(0)
  })
})

describe('a write whose answer is lost', () => {
  it('is audited as unconfirmed, and the next run adopts what it made', async () => {
    // The twin creates the first group it is asked for, then drops the connection instead of answering.
    // The tenant and its members exist before a worker runs: one run, one lost answer.
    await stack.stopWorkers()
    const { twins, api } = stack
    twins.idp.authentik.setFaults({
      lostAnswerRate: 1,
      paths: ['/api/v3/core/groups/'],
      writesOnly: true,
    })
    try {
      await createTenant('lostanswer', 'lostanswer.test')
      stack.startWorker()
      const unconfirmed = async () => api.database.db.select().from(auditLog).where(sql`${auditLog.tenantSlug} = 'lostanswer' and ${auditLog.action} = 'authentik.write.unconfirmed'`)
      const deadline = Date.now() + 10_000
      while (!(await unconfirmed()).length && Date.now() < deadline)
        await new Promise(resolve => setTimeout(resolve, 50))
      twins.idp.authentik.clearFaults()
      const [entry, ...more] = await unconfirmed()
      expect(entry, 'no audit entry for the write whose answer was lost').toMatchObject({
        actorSubject: 'system:reconciler',
        targetType: 'authentik.request',
        targetId: 'POST /api/v3/core/groups/',
      })
      expect(entry!.requestId).toBeTruthy()

      await stack.converged('lostanswer', 30_000)
      const groups = twins.idp.authentik.groups().filter(group => group.name.startsWith('tenant:lostanswer:'))
      expect(groups).toHaveLength(4)
      // Every group is accounted for: created with an entry, or made by a write the log calls unconfirmed
      // and adopted afterwards without writing (which used to leave no entry at all).
      const created = await api.database.db.select().from(auditLog).where(sql`${auditLog.tenantSlug} = 'lostanswer' and ${auditLog.action} = 'authentik.group.create'`)
      expect(created.length).toBeLessThan(4)
      expect(created.length + 1 + more.length).toBe(4)
    }
    finally {
      twins.idp.authentik.clearFaults()
      await stack.stopWorkers()
      stack.startWorker()
    }
  })
})
