import type { ProvisioningStack } from './provisioning-stack'
import { and, eq, gt } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, provisioningSteps, tenants } from '../../src/db/schema'
import { claimDueSteps } from '../../src/provisioning/worker/claim-due-steps'
import { startProvisioningStack } from './provisioning-stack'

let stack: ProvisioningStack

beforeAll(async () => {
  stack = await startProvisioningStack()
})
afterEach(() => stack.stopWorkers())
afterAll(() => stack?.close())

async function createTenant(slug: string, domain = `${slug}.test`) {
  const created = await stack.api.request('POST', '/tenants', {
    token: stack.operator,
    body: {
      slug,
      name: slug,
      domains: [domain],
    },
  })
  expect(created.status, await created.clone().text()).toBe(201)
  const added = await stack.api.request('POST', `/tenants/${slug}/members`, {
    token: stack.operator,
    body: { email: `boss@${domain}`, name: 'Boss', role: 'owner' },
  })
  expect(added.status).toBe(201)
}

async function step(slug: string, name: 'identity' | 'mail' | 'files' | 'onboarding') {
  const [row] = await stack.api.database.db.select({ step: provisioningSteps }).from(provisioningSteps).innerJoin(tenants, eq(tenants.id, provisioningSteps.tenantId)).where(and(eq(tenants.slug, slug), eq(provisioningSteps.step, name)))
  return row!.step
}

describe('a worker that dies holding steps', () => {
  it('loses them when its lease runs out, and another worker finishes them', async () => {
    await createTenant('lazarus')
    const held = await claimDueSteps(stack.api.database.db, { workerId: 'killed-worker', limit: 100, leaseMs: 800 })
    expect(held.filter(row => row.step === 'identity').length).toBeGreaterThan(0)
    expect((await step('lazarus', 'identity')).status).toBe('running')
    const worker = stack.startWorker()
    await stack.converged('lazarus', 20_000)
    await worker.stop()
  })
})

describe('failures', () => {
  it('back off with growing delays, rest in error after the last attempt, and run again on retry', async () => {
    stack.twins.ocis.setFaults({ errorRate: 1 })
    const worker = stack.startWorker({
      maxAttempts: 3,
      backoff: { baseMs: 100, maxMs: 400 },
    })
    await createTenant('fragile')
    await expect.poll(async () => (await step('fragile', 'files')).attempts, { timeout: 15_000, interval: 50 }).toBe(3)
    const files = await step('fragile', 'files')
    expect(files.status).toBe('error')
    // Out of attempts, a retryable failure rests until the next periodic resync (not the backoff).
    expect(files.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 60_000)
    expect(files.lastError).toMatch(/ocis: .* 503/)
    expect((await step('fragile', 'identity')).status).toBe('ok')
    const [tenant] = await stack.api.database.db.select().from(tenants).where(eq(tenants.slug, 'fragile'))
    expect(tenant!.status).toBe('provisioning')

    // The upstream's words are for operators and partners; the tenant's own people see only the status.
    const asOwner = await (await stack.api.request('GET', '/tenants/fragile/provisioning', { token: await stack.api.token(['tenant:fragile:owner']) })).json()
    const ownerView = asOwner.steps.find((s: { step: string }) => s.step === 'files')
    expect(ownerView).toMatchObject({ status: 'error', lastError: null, observed: {} })
    const asOperator = await (await stack.api.request('GET', '/tenants/fragile/provisioning', { token: stack.operator })).json()
    expect(asOperator.steps.find((s: { step: string }) => s.step === 'files').lastError).toMatch(/503/)

    stack.twins.ocis.clearFaults()
    const retried = await stack.api.request('POST', '/tenants/fragile/provisioning/files/retry', { token: stack.operator })
    expect(retried.status).toBe(202)
    await stack.converged('fragile')
    await worker.stop()
  })

  it('that are permanent rest at once, without retries', async () => {
    const worker = stack.startWorker()
    // Stalwart refuses domains outside the public suffix list, e.g. `.example`.
    await createTenant('refused', 'refused.example')
    await expect.poll(async () => {
      const row = await step('refused', 'mail')
      return row.status === 'error' && row.generation === row.runGeneration
    }, { timeout: 15_000, interval: 50 }).toBe(true)
    const mail = await step('refused', 'mail')
    expect(mail.attempts).toBe(1)
    expect(mail.nextAttemptAt).toBeNull()
    await worker.stop()
  })
})

describe('periodic resync', () => {
  it('finds drift behind the platform\'s back and repairs it, with audit entries', async () => {
    const worker = stack.startWorker({ resyncMs: 300 })
    await createTenant('drifty')
    await stack.converged('drifty', 20_000, { resyncing: true })
    const since = new Date()
    stack.twins.idp.authentik.drift({ action: 'deleteGroup', group: 'tenant:drifty:owner' })
    await expect.poll(() => stack.twins.idp.authentik.groups().some(group => group.name === 'tenant:drifty:owner'), { timeout: 10_000, interval: 100 }).toBe(true)
    // The audit entry follows the upstream write by a moment.
    const repairs = () => stack.api.database.db.select().from(auditLog).where(and(eq(auditLog.tenantSlug, 'drifty'), eq(auditLog.action, 'authentik.group.create'), gt(auditLog.at, since)))
    await expect.poll(async () => (await repairs()).length, { timeout: 5000 }).toBe(1)
    expect((await repairs())[0]!.actorSubject).toBe('system:reconciler')
    await worker.stop()
  })
})

describe('the live stream', () => {
  it('sends the provisioning view at once and again after each change', async () => {
    await createTenant('streamy')
    const response = await stack.api.request('GET', '/tenants/streamy/provisioning/events', { token: stack.operator })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const events = () => text.split('\n\n').filter(block => block.startsWith('event: provisioning')).map(block => JSON.parse(block.split('\ndata: ')[1]!))
    const readUntil = async (done: () => boolean) => {
      while (!done()) {
        const { value, done: ended } = await reader.read()
        if (ended)
          throw new Error('stream ended')
        text += decoder.decode(value)
      }
    }
    await readUntil(() => events().length >= 1)
    expect(events()[0].converged).toBe(false)
    const worker = stack.startWorker()
    await readUntil(() => events().some(view => view.converged))
    expect(events().at(-1).tenantStatus).toBe('active')
    await reader.cancel()
    await worker.stop()
  })

  it('is not open to another tenant\'s people', async () => {
    const outsider = await stack.api.token(['tenant:drifty:owner'])
    const response = await stack.api.request('GET', '/tenants/streamy/provisioning/events', { token: outsider })
    expect(response.status).toBe(404)
  })
})
