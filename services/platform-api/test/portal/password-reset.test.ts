import type { ProvisioningStack } from '../provisioning/provisioning-stack'
import type { PortalTenant } from './create-portal-tenant'
import { desc, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, passwordResetMails } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { startProvisioningStack } from '../provisioning/provisioning-stack'
import { createPortalTenant } from './create-portal-tenant'

let stack: ProvisioningStack
let acme: PortalTenant
let globex: PortalTenant

const reset = (slug: string, userId: string, token: string) => stack.api.request('POST', `/tenants/${slug}/members/${userId}/password-reset`, { token })

beforeAll(async () => {
  stack = await startProvisioningStack()
  stack.startWorker()
  acme = await createPortalTenant(stack.api, stack.operator, 'reset-acme')
  globex = await createPortalTenant(stack.api, stack.operator, 'reset-globex')
  await stack.converged('reset-acme')
  await stack.converged('reset-globex')
})
beforeEach(() => {
  stack.twins.smtp.clearMessages()
  stack.twins.smtp.setFailures({})
  stack.twins.idp.authentik.clearFaults()
  stack.twins.idp.authentik.setRecoveryFlow(true)
})
afterAll(() => stack?.close())

describe('pOST /tenants/:slug/members/:userId/password-reset', () => {
  it('mails the member a recovery link, answers 202 without it, and audits once without it', async () => {
    const admin = await stack.api.token(['tenant:reset-acme:admin'], { sub: 'acme-admin' })
    const userId = acme.members['bia@reset-acme.test']!
    const response = await reset('reset-acme', userId, admin)
    const text = await response.text()
    expect(response.status, text).toBe(202)
    expect(JSON.parse(text)).toEqual({ sentTo: 'bia@reset-acme.test', expiresAt: null })

    const [message] = stack.twins.smtp.messages()
    expect(message!.to).toEqual(['bia@reset-acme.test'])
    expect(message!.subject).toBe('Redefina sua senha da Tenant reset-acme / Reset your Tenant reset-acme password')
    const link = /https?:\/\/\S+flow_token=\S+/.exec(message!.text!)![0]
    expect(message!.text).toContain('Se você não esperava este e-mail')
    expect(message!.html).toContain(`href="${link.replaceAll('&', '&amp;')}"`)
    expect(text).not.toContain('flow_token')

    const [entry] = await stack.api.database.db.select().from(auditLog).where(eq(auditLog.action, 'member.password_reset')).orderBy(desc(auditLog.seq)).limit(1)
    expect(entry).toMatchObject({
      actorSubject: 'acme-admin',
      targetType: 'user',
      targetId: userId,
      tenantSlug: 'reset-acme',
    })
    expect(entry!.changes).toEqual([
      { field: 'passwordResetSentTo', before: null, after: 'bia@reset-acme.test' },
    ])
    expect(JSON.stringify(entry)).not.toContain('flow_token')
  })

  it('is 404 for another tenant\'s people, 403 for a plain member', async () => {
    const acmeAdmin = await stack.api.token(['tenant:reset-acme:admin'])
    await expectProblem(await reset('reset-globex', globex.members['bia@reset-globex.test']!, acmeAdmin), 404)
    // Through its own tenant's address, another tenant's member is not a member.
    await expectProblem(await reset('reset-acme', globex.members['bia@reset-globex.test']!, acmeAdmin), 404)
    const member = await stack.api.token(['tenant:reset-acme:member'])
    await expectProblem(await reset('reset-acme', acme.members['ana@reset-acme.test']!, member), 403)
    expect(stack.twins.smtp.messages()).toEqual([])
  })

  it('is 409 for a disabled member and for one not provisioned yet', async () => {
    const { api, operator } = stack
    const disabled = acme.members['ana@reset-acme.test']!
    expect((await api.request('PATCH', `/tenants/reset-acme/members/${disabled}`, {
      token: operator,
      body: { active: false },
    })).status).toBe(200)
    await expectProblem(await reset('reset-acme', disabled, operator), 409)
    await stack.stopWorkers()
    const added = await api.request('POST', '/tenants/reset-acme/members', {
      token: operator,
      body: { email: 'new@reset-acme.test', name: 'New', role: 'member' },
    })
    const body = await expectProblem(await reset('reset-acme', (await added.json()).id, operator), 409)
    expect(body.title).toBe('Not provisioned yet')
    expect(stack.twins.smtp.messages()).toEqual([])
    stack.startWorker()
  })

  it('is 503 with Retry-After when Authentik or the mail server fails, never 500', async () => {
    const userId = acme.members['owner@reset-acme.test']!
    stack.twins.idp.authentik.setFaults({ errorRate: 1 })
    const identity = await reset('reset-acme', userId, stack.operator)
    await expectProblem(identity.clone(), 503)
    expect(identity.headers.get('retry-after')).toBe('30')
    stack.twins.idp.authentik.clearFaults()

    stack.twins.smtp.setFailures({ rate: 1, code: 451 })
    const mail = await reset('reset-acme', userId, stack.operator)
    await expectProblem(mail.clone(), 503)
    expect(mail.headers.get('retry-after')).toBe('30')
    expect((await mail.text())).not.toContain('flow_token')
    const entries = await stack.api.database.db.select().from(auditLog).where(eq(auditLog.targetId, userId))
    expect(entries.filter(entry => entry.action === 'member.password_reset')).toEqual([])
  })

  it('holds no transaction open while it waits on Authentik', async () => {
    await stack.stopWorkers()
    stack.twins.idp.authentik.setFaults({ latencyMs: 1200 })
    const answer = reset('reset-acme', acme.members['owner@reset-acme.test']!, stack.operator)
    await new Promise(resolve => setTimeout(resolve, 700))
    const { rows } = await stack.api.database.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start < now() - interval '500 milliseconds'`)
    expect(rows[0]!.n).toBe(0)
    expect((await answer).status).toBe(202)
    stack.startWorker()
  })

  it('mails one link per member a minute: 429 with Retry-After meanwhile, also to concurrent requests', async () => {
    const userId = globex.members['ana@reset-globex.test']!
    const answers = await Promise.all(Array.from({ length: 4 }, () => reset('reset-globex', userId, stack.operator)))
    expect(answers.map(answer => answer.status).sort()).toEqual([202, 429, 429, 429])
    const refused = answers.find(answer => answer.status === 429)!
    const body = await expectProblem(refused.clone(), 429)
    expect(body.detail).toMatch(/less than a minute ago/)
    const retryAfter = Number(refused.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(stack.twins.smtp.messages()).toHaveLength(1)
    const audited = await stack.api.database.db.select().from(auditLog).where(eq(auditLog.targetId, userId))
    expect(audited.filter(entry => entry.action === 'member.password_reset')).toHaveLength(1)

    // A minute later (the row's clock moved back rather than the test waiting), the next one goes.
    await stack.api.database.db.update(passwordResetMails).set({ sentAt: sql`now() - interval '61 seconds'` }).where(eq(passwordResetMails.userId, userId))
    expect((await reset('reset-globex', userId, stack.operator)).status).toBe(202)
    expect(stack.twins.smtp.messages()).toHaveLength(2)
  })

  it('gives the minute back when nothing was sent, so asking again right away works', async () => {
    const userId = globex.members['owner@reset-globex.test']!
    stack.twins.smtp.setFailures({ rate: 1, code: 451 })
    await expectProblem(await reset('reset-globex', userId, stack.operator), 503)
    stack.twins.smtp.setFailures({})
    expect((await reset('reset-globex', userId, stack.operator)).status).toBe(202)
  })

  it('is a 503 for operators, without Retry-After, when Authentik has no recovery flow', async () => {
    const userId = globex.members['bia@reset-globex.test']!
    stack.twins.idp.authentik.setRecoveryFlow(false)
    const response = await reset('reset-globex', userId, stack.operator)
    const body = await expectProblem(response.clone(), 503)
    expect(body.title).toBe('Password recovery not configured')
    expect(body.detail).toMatch(/not configured in the identity provider/)
    expect(response.headers.get('retry-after')).toBeNull()
    expect(stack.twins.smtp.messages()).toEqual([])
    stack.twins.idp.authentik.setRecoveryFlow(true)
    expect((await reset('reset-globex', userId, stack.operator)).status).toBe(202)
  })
})
