import type { TTenantDomain } from '@dezky/contracts'
import type { DnsTwin } from '@dezky/twins'
import type { TestApi } from '../test-api'
import { startDnsTwin } from '@dezky/twins'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, tenantDomains, tenants } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let dns: DnsTwin
let owner: string

beforeAll(async () => {
  dns = await startDnsTwin()
  api = await createTestApi({ DNS_SERVERS: dns.server, DNS_TIMEOUT_MS: '1500', MAIL_MX_HOST: 'mail.dezky.test' })
  await seedFixture(api.database.db)
  owner = await api.token(['tenant:acme:owner'])
})
afterAll(async () => {
  await api?.close()
  await dns?.stop()
})

let unique = 0

/** A fresh domain of acme whose DMARC lookup hangs until the 1.5 s timeout, and the check started on it. */
async function startSlowCheck(): Promise<{ domain: TTenantDomain, answer: Promise<Response> }> {
  const response = await api.request('POST', '/tenants/acme/domains', {
    token: owner,
    body: { name: `slow-${++unique}.test` },
  })
  expect(response.status).toBe(201)
  const domain: TTenantDomain = await response.json()
  dns.clear()
  dns.setFault(`_dmarc.${domain.name}`, 'timeout')
  const answer = api.request('POST', `/tenants/acme/domains/${domain.name}/check`, { token: owner })
  // The lookups are under way once the hanging question reached the resolver.
  await expect.poll(() => dns.queries().some(query => query.name === `_dmarc.${domain.name}`), { timeout: 1000, interval: 10 }).toBe(true)
  return { domain, answer }
}

/** Tries to lock a row without waiting: false while another transaction holds it. */
async function lockable(query: 'domain' | 'tenant', name: string): Promise<boolean> {
  try {
    await api.database.db.transaction(async (tx) => {
      if (query === 'domain')
        await tx.select().from(tenantDomains).where(eq(tenantDomains.name, name)).for('update', { noWait: true })
      else
        await tx.select().from(tenants).where(eq(tenants.slug, 'acme')).for('update', { noWait: true })
    })
    return true
  }
  catch {
    return false
  }
}

describe('a domain check holds no connection or lock while it looks records up', () => {
  it('leaves the domain and tenant rows free and no transaction open during the lookups', async () => {
    const { domain, answer } = await startSlowCheck()
    expect(await lockable('domain', domain.name)).toBe(true)
    expect(await lockable('tenant', domain.name)).toBe(true)
    const { rows } = await api.database.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and state like 'idle in transaction%'`)
    expect(rows[0]!.n).toBe(0)
    const response = await answer
    expect(response.status).toBe(200)
    const checked: TTenantDomain = await response.json()
    expect(checked.records.find(record => record.purpose === 'dmarc')!.check.status).toBe('error')
  })

  it('a domain removed during the lookups: the check answers 404 and writes nothing', async () => {
    const { domain, answer } = await startSlowCheck()
    const [before] = await api.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)
    // Not blocked by the check (it used to wait for the check's row lock).
    const removed = await api.request('DELETE', `/tenants/acme/domains/${domain.name}`, { token: owner })
    expect(removed.status).toBe(204)
    await expectProblem(await answer, 404)
    const [after] = await api.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog)
    expect(after!.n).toBe(before!.n + 1)
    expect(await api.database.db.select().from(tenantDomains).where(and(eq(tenantDomains.name, domain.name)))).toEqual([])
  })

  it('a domain removed and added again during the lookups: 409, the new one keeps its state', async () => {
    const { domain, answer } = await startSlowCheck()
    expect((await api.request('DELETE', `/tenants/acme/domains/${domain.name}`, { token: owner })).status).toBe(204)
    expect((await api.request('POST', '/tenants/acme/domains', {
      token: owner,
      body: { name: domain.name },
    })).status).toBe(201)
    await expectProblem(await answer, 409)
    const [row] = await api.database.db.select().from(tenantDomains).where(eq(tenantDomains.name, domain.name))
    expect(row!.lastCheckedAt).toBeNull()
    expect(row!.checks).toEqual({})
  })
})
