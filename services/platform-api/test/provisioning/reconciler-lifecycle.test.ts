import type { ProvisioningStack } from './provisioning-stack'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, tenants } from '../../src/db/schema'
import { startProvisioningStack } from './provisioning-stack'
import { upstreamSnapshot } from './upstream-snapshot'

let stack: ProvisioningStack

beforeAll(async () => {
  stack = await startProvisioningStack()
  stack.startWorker()
})
afterAll(() => stack?.close())

async function call(method: string, path: string, body?: unknown) {
  const response = await stack.api.request(method, path, { token: stack.operator, body })
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300)
  return response.json()
}

async function status(slug: string) {
  const [row] = await stack.api.database.db.select({ status: tenants.status }).from(tenants).where(eq(tenants.slug, slug))
  return row?.status
}

async function createTenant(slug: string, members: [string, string][]) {
  await call('POST', '/tenants', {
    slug,
    name: `Tenant ${slug}`,
    domains: [`${slug}.test`],
  })
  const ids: Record<string, string> = {}
  for (const [local, role] of members) {
    const member = await call('POST', `/tenants/${slug}/members`, { email: `${local}@${slug}.test`, name: local, role })
    ids[local] = member.id
  }
  await stack.converged(slug)
  return ids
}

describe('suspend and resume', () => {
  it('turns every upstream off and back on, leaving it exactly as before', async () => {
    await createTenant('stark', [
      ['tony', 'owner'],
      ['pepper', 'admin'],
      ['happy', 'member'],
    ])
    const before = upstreamSnapshot(stack.twins, 'stark', 'stark.test')
    expect(before.users.every(user => user.active)).toBe(true)

    await call('POST', '/tenants/stark/suspend', { reason: 'invoice unpaid' })
    await stack.converged('stark')
    const suspended = upstreamSnapshot(stack.twins, 'stark', 'stark.test')
    expect(suspended.users.map(user => user.active)).toEqual([false, false, false])
    expect(suspended.spaces[0]!.disabled).toBe(true)
    expect(suspended.accounts.every(account => JSON.stringify(account.permissions).includes('authenticate'))).toBe(true)
    expect(suspended.groups).toEqual(before.groups)
    expect(await status('stark')).toBe('suspended')

    await call('POST', '/tenants/stark/resume', { reason: 'paid' })
    await stack.converged('stark')
    expect(upstreamSnapshot(stack.twins, 'stark', 'stark.test')).toEqual(before)
    expect(await status('stark')).toBe('active')
  })

  it('keeps a person active upstream while another tenant of theirs is live', async () => {
    await createTenant('wayne', [
      ['bruce', 'owner'],
    ])
    await call('POST', '/tenants/stark/members', { email: 'bruce@wayne.test', name: 'bruce', role: 'member' })
    await stack.converged('stark')
    await call('POST', '/tenants/stark/suspend', { reason: 'audit' })
    await stack.converged('stark')
    const bruce = stack.twins.idp.authentik.users().find(user => user.username === 'bruce@wayne.test')
    expect(bruce?.isActive).toBe(true)
    await call('POST', '/tenants/stark/resume', {})
    await stack.converged('stark')
  })
})

describe('members', () => {
  it('follow role changes, disabling and removal upstream', async () => {
    const ids = await createTenant('oscorp', [
      ['norman', 'owner'],
      ['harry', 'member'],
    ])
    const groupMembers = (role: string) => upstreamSnapshot(stack.twins, 'oscorp', 'oscorp.test').groups.find(g => g.name === `tenant:oscorp:${role}`)!.members

    await call('PATCH', `/tenants/oscorp/members/${ids.harry}`, { role: 'admin' })
    await stack.converged('oscorp')
    expect(groupMembers('admin')).toEqual(['harry@oscorp.test'])
    expect(groupMembers('member')).toEqual([])

    await call('PATCH', `/tenants/oscorp/members/${ids.harry}`, { active: false })
    await stack.converged('oscorp')
    const disabled = upstreamSnapshot(stack.twins, 'oscorp', 'oscorp.test')
    expect(disabled.users.find(user => user.username === 'harry@oscorp.test')?.active).toBe(false)
    expect(groupMembers('admin')).toEqual([])
    expect(JSON.stringify(disabled.accounts.find(a => a.address === 'harry@oscorp.test')?.permissions)).toContain('authenticate')

    const removed = await stack.api.request('DELETE', `/tenants/oscorp/members/${ids.harry}`, { token: stack.operator })
    expect(removed.status).toBe(204)
    await stack.converged('oscorp')
    const after = upstreamSnapshot(stack.twins, 'oscorp', 'oscorp.test')
    expect(after.accounts.map(a => a.address)).toEqual(['norman@oscorp.test'])
    expect(after.spaces[0]!.grants.map(g => g.user)).not.toContain('harry@oscorp.test')
    // Left with no group anywhere, the account cannot sign in to anything.
    expect(stack.twins.idp.authentik.users().find(user => user.username === 'harry@oscorp.test')?.isActive).toBe(false)
  })
})

describe('offboarding', () => {
  it('waits out the grace period suspended, then removes everything and marks the tenant deleted', async () => {
    await createTenant('cyberdyne', [
      ['miles', 'owner'],
      ['sarah', 'member'],
    ])
    await call('POST', '/tenants/cyberdyne/offboard', { reason: 'contract ended', graceDays: 30 })
    await stack.converged('cyberdyne')
    expect(await status('cyberdyne')).toBe('offboarding')
    expect(upstreamSnapshot(stack.twins, 'cyberdyne', 'cyberdyne.test').spaces[0]!.disabled).toBe(true)

    // The grace period ends now: the reconciler is woken at that moment, as it would be after 30 days.
    await stack.api.database.db.update(tenants).set({
      offboardAfter: new Date(),
    }).where(eq(tenants.slug, 'cyberdyne'))
    await stack.api.database.db.execute(sql`update provisioning_steps set next_attempt_at = now() where tenant_id = (select id from tenants where slug = 'cyberdyne')`)
    await expect.poll(() => status('cyberdyne'), { timeout: 20_000, interval: 100 }).toBe('deleted')
    expect(upstreamSnapshot(stack.twins, 'cyberdyne', 'cyberdyne.test')).toEqual({
      groups: [],
      users: [],
      domains: 0,
      accounts: [],
      spaces: [],
    })
    const [deleted] = await stack.api.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'tenant.delete'), eq(auditLog.tenantSlug, 'cyberdyne')))
    expect(deleted?.actorSubject).toBe('system:reconciler')
    // Nothing left upstream to watch: the deleted tenant's steps rest.
    const { rows } = await stack.api.database.db.execute<{ due: number }>(sql`select count(*)::int as due from provisioning_steps where tenant_id = (select id from tenants where slug = 'cyberdyne') and next_attempt_at is not null`)
    expect(rows[0]!.due).toBe(0)
    // …and keep resting after anything asks for a run (e.g. a former member's sign-in).
    await call('POST', '/tenants/cyberdyne/reconcile')
    await expect.poll(async () => (await stack.api.database.db.execute<{ due: number }>(sql`select count(*)::int as due from provisioning_steps where tenant_id = (select id from tenants where slug = 'cyberdyne') and (next_attempt_at is not null or status not in ('ok', 'skipped'))`)).rows[0]!.due, { timeout: 15_000, interval: 100 }).toBe(0)
  })

  it('can be cancelled during the grace period with nothing lost', async () => {
    await createTenant('tyrell', [
      ['eldon', 'owner'],
    ])
    const before = upstreamSnapshot(stack.twins, 'tyrell', 'tyrell.test')
    await call('POST', '/tenants/tyrell/offboard', { reason: 'mistake', graceDays: 7 })
    await stack.converged('tyrell')
    await call('POST', '/tenants/tyrell/resume', { reason: 'kept' })
    await stack.converged('tyrell')
    expect(upstreamSnapshot(stack.twins, 'tyrell', 'tyrell.test')).toEqual(before)
    expect(await status('tyrell')).toBe('active')
  })

  it('refuses transitions the status does not allow with 409', async () => {
    const response = await stack.api.request('POST', '/tenants/cyberdyne/resume', { token: stack.operator, body: {} })
    expect(response.status).toBe(409)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
  })
})

describe('domains', () => {
  it('stay taken by the tenant that dropped them until its mail step has removed them', async () => {
    // No members: a domain that carries members' mailboxes cannot be dropped at all (409).
    await createTenant('initrode', [])
    await stack.stopWorkers()
    await call('PATCH', '/tenants/initrode', { domains: [] })
    // Until a run removes initrode.test from the mail server, nobody else can claim it.
    const early = await stack.api.request('POST', '/tenants', {
      token: stack.operator,
      body: {
        slug: 'initrode2',
        name: 'x',
        domains: ['initrode.test'],
      },
    })
    expect(early.status).toBe(409)
    stack.startWorker()
    await stack.converged('initrode')
    expect(stack.twins.stalwart.objects('Domain').some(domain => domain.name === 'initrode.test')).toBe(false)
    const later = await stack.api.request('POST', '/tenants', {
      token: stack.operator,
      body: {
        slug: 'initrode2',
        name: 'x',
        domains: ['initrode.test'],
      },
    })
    expect(later.status, await later.clone().text()).toBe(201)
  })
})
