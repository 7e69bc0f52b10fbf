import type { TTenantDomain } from '@dezky/contracts'
import type { DnsTwin } from '@dezky/twins'
import type { TestApi } from '../test-api'
import { startDnsTwin } from '@dezky/twins'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog, tenantDomains } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let dns: DnsTwin
let owner: string

beforeAll(async () => {
  dns = await startDnsTwin()
  api = await createTestApi({ DNS_SERVERS: dns.server, DNS_TIMEOUT_MS: '300', MAIL_MX_HOST: 'mail.dezky.test' })
  await seedFixture(api.database.db)
  owner = await api.token(['tenant:acme:owner'])
})
beforeEach(() => dns.clear())
afterAll(async () => {
  await api?.close()
  await dns?.stop()
})

let unique = 0

/** A fresh domain of acme, its records as the API lists them. */
async function addDomain(): Promise<TTenantDomain> {
  const response = await api.request('POST', '/tenants/acme/domains', {
    token: owner,
    body: { name: `check-${++unique}.test` },
  })
  expect(response.status).toBe(201)
  return response.json()
}

const check = (name: string) => api.request('POST', `/tenants/acme/domains/${name}/check`, { token: owner })
const statusOf = (domain: TTenantDomain, purpose: string) => domain.records.find(r => r.purpose === purpose)!.check
/** Lets the next check through the 10-second limit. */
const forgetLastCheck = (name: string) => api.database.db.update(tenantDomains).set({ lastCheckedAt: sql`now() - interval '11 seconds'` }).where(eq(tenantDomains.name, name))
const lastAudit = async () => (await api.database.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1))[0]!

describe('checking a domain\'s records by DNS lookup', () => {
  it('tells ok, missing, mismatch and error apart per record, and stores the results', async () => {
    const domain = await addDomain()
    const name = domain.name
    dns.setRecords([
      { name: domain.verification.name, type: 'TXT', value: domain.verification.value },
      { name, type: 'MX', value: '10 other-mail.test.' },
      // Published in another spelling: still the same policy.
      { name, type: 'TXT', value: 'V=SPF1  MX -ALL' },
      { name: `autoconfig.${name}`, type: 'CNAME', value: 'MAIL.dezky.test' },
    ])
    dns.setFault(`_dmarc.${name}`, 'servfail')
    dns.setFault(`autodiscover.${name}`, 'timeout')
    const started = Date.now()
    const response = await check(name)
    expect(response.status).toBe(200)
    const checked: TTenantDomain = await response.json()
    expect(Date.now() - started).toBeLessThan(3000)
    expect(statusOf(checked, 'verification')).toMatchObject({
      status: 'ok',
      found: [domain.verification.value],
    })
    expect(statusOf(checked, 'mx')).toMatchObject({
      status: 'mismatch',
      found: ['10 other-mail.test'],
    })
    expect(statusOf(checked, 'spf')).toMatchObject({
      status: 'ok',
      found: ['V=SPF1  MX -ALL'],
    })
    expect(statusOf(checked, 'autoconfig').status).toBe('ok')
    expect(statusOf(checked, 'dmarc')).toMatchObject({ status: 'error', found: [] })
    expect(statusOf(checked, 'autodiscover').status).toBe('error')
    expect(checked.records.every(r => r.check.checkedAt === checked.lastCheckedAt)).toBe(true)
    expect(checked.lastCheckedAt).not.toBeNull()
    const again: TTenantDomain = await (await api.request('GET', `/tenants/acme/domains/${name}`, { token: owner })).json()
    expect(again.records).toEqual(checked.records)
    // Each record was asked for once, with bounded parallelism (all six under one check).
    expect(dns.queries().length).toBe(checked.records.length)
  })

  it('reports records nobody published as missing (NXDOMAIN and NODATA)', async () => {
    const domain = await addDomain()
    dns.setRecords([
      { name: domain.name, type: 'A', value: '192.0.2.1' },
    ])
    const checked: TTenantDomain = await (await check(domain.name)).json()
    expect(checked.records.map(r => r.check.status)).toEqual(checked.records.map(() => 'missing'))
    expect(checked.verified).toBe(false)
  })

  it('verifies the domain the first time its verification record is found, audited once as domain.verify', async () => {
    const domain = await addDomain()
    const first: TTenantDomain = await (await check(domain.name)).json()
    expect(first.verified).toBe(false)
    expect(await lastAudit()).toMatchObject({ action: 'domain.check', targetType: 'domain', tenantSlug: 'acme' })

    dns.setRecords([
      { name: domain.verification.name, type: 'TXT', value: domain.verification.value },
    ])
    await forgetLastCheck(domain.name)
    const second: TTenantDomain = await (await check(domain.name)).json()
    expect(second).toMatchObject({ verified: true, verifiedAt: second.lastCheckedAt })
    const entry = await lastAudit()
    expect(entry).toMatchObject({
      action: 'domain.verify',
      changes: expect.arrayContaining([
        { field: 'verifiedAt', before: null, after: second.verifiedAt },
      ]),
    })

    // Ownership was proven: a later check without the record keeps it verified, and is no new verification.
    dns.clear()
    await forgetLastCheck(domain.name)
    const third: TTenantDomain = await (await check(domain.name)).json()
    expect(third).toMatchObject({ verified: true, verifiedAt: second.verifiedAt })
    expect(statusOf(third, 'verification').status).toBe('missing')
    expect(await lastAudit()).toMatchObject({ action: 'domain.check' })
  })

  it('answers a second check within 10 seconds with 429 and Retry-After, asking no resolver', async () => {
    const domain = await addDomain()
    expect((await check(domain.name)).status).toBe(200)
    const asked = dns.queries().length
    const audits = (await lastAudit()).seq
    const response = await check(domain.name)
    await expectProblem(response, 429)
    const retryAfter = Number(response.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(10)
    expect(dns.queries().length).toBe(asked)
    expect((await lastAudit()).seq).toBe(audits)
  })

  it('lets one of two simultaneous checks through', async () => {
    const domain = await addDomain()
    const statuses = (await Promise.all([
      check(domain.name),
      check(domain.name),
    ])).map(r => r.status).sort()
    expect(statuses).toEqual([200, 429])
  })

  it('checks the DKIM key the mail step rendered, with its strings joined', async () => {
    const domain = await addDomain()
    const key = `v=DKIM1; k=rsa; h=sha256; p=${'M'.repeat(400)}`
    await api.database.db.execute(sql`update provisioning_steps set outputs = ${JSON.stringify({
      dnsRecords: [
        {
          domain: domain.name,
          type: 'TXT',
          name: `sel._domainkey.${domain.name}`,
          value: key,
          purpose: 'dkim',
        },
      ],
    })}::jsonb where step = 'mail' and tenant_id = (select id from tenants where slug = 'acme')`)
    dns.setRecords([
      { name: `sel._domainkey.${domain.name}`, type: 'TXT', value: key },
    ])
    const checked: TTenantDomain = await (await check(domain.name)).json()
    expect(checked.mailReady).toBe(true)
    expect(statusOf(checked, 'dkim').status).toBe('ok')
  })

  it('a tenant member without domain:write cannot check (403); nor can another tenant (404)', async () => {
    const domain = await addDomain()
    await expectProblem(await api.request('POST', `/tenants/acme/domains/${domain.name}/check`, { token: await api.token(['tenant:acme:billing']) }), 403)
    await expectProblem(await api.request('POST', `/tenants/acme/domains/${domain.name}/check`, { token: await api.token(['tenant:globex:owner']) }), 404)
    expect(dns.queries()).toEqual([])
  })
})
