import type { StalwartTwin } from '@dezky/twins'
import type { Recorded } from './mail-fixtures'
import { startStalwartTwin } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { converge, defaultStep, mailTenant, member, runStep, snapshot } from './mail-fixtures'

let twin: StalwartTwin

beforeAll(async () => {
  twin = await startStalwartTwin({ dkimDelayMs: 50 })
})
afterAll(() => twin.stop())

function accountOf(email: string) {
  return twin.objects('Account').find(account => account.emailAddress === email)
}

describe('mail step, present', () => {
  it('creates the domain and mailboxes, waits for DKIM, then publishes the zone\'s records', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    const first = await runStep(defaultStep(twin), desired)
    expect(first.outcome).toMatchObject({
      status: 'waiting',
      // Just asked for keys: look again soon.
      retryInMs: 100,
      reason: expect.stringContaining('DKIM'),
    })
    expect(first.writes.map(w => w.action)).toEqual(['stalwart.domain.create', 'stalwart.account.create', 'stalwart.account.create'])
    expect(JSON.stringify(first.writes)).not.toMatch(/secret|password/i)
    expect(accountOf(`owner@${domain}`)).toMatchObject({
      '@type': 'User',
      'name': 'owner',
      'quotas': { maxDiskQuota: 5_000_000 },
      'permissions': { '@type': 'Inherit' },
    })
    expect(accountOf(`guest${desired.id.slice(1)}@gmail.com`)).toBeUndefined()

    await twin.dkimSettled()
    const second = await runStep(defaultStep(twin), desired)
    expect(second.outcome.status).toBe('ok')
    expect(second.writes).toEqual([])
    expect(desired.observed).toEqual({
      domains: {
        [domain!]: expect.any(String),
      },
      accounts: {
        [`owner@${domain}`]: expect.any(String),
        [`dev@${domain}`]: expect.any(String),
      },
    })
    const records = desired.outputs.dnsRecords as Array<{ purpose: string, name: string, value: string, type: string }>
    expect(new Set(records.map(r => r.purpose))).toEqual(new Set([
      'mx',
      'spf',
      'dkim',
      'dmarc',
      'tls-rpt',
      'mta-sts',
      'autoconfig',
      'autodiscover',
      'srv',
    ]))
    expect(records.filter(r => r.purpose === 'dkim')).toHaveLength(2)
    expect(records.find(r => r.purpose === 'dkim' && r.name.includes('-rsa-'))!.value).toMatch(/^v=DKIM1; k=rsa; h=sha256; p=[\w+/=]{300,}$/)
    expect(records).toContainEqual({
      domain,
      type: 'TXT',
      name: domain,
      value: 'v=spf1 mx -all',
      purpose: 'spf',
    })
  })

  it('makes no write and one request on a converged tenant', async () => {
    const desired = mailTenant()
    await converge(twin, defaultStep(twin), desired)
    twin.resetWrites()
    const recorded: Recorded = { requests: [] }
    const again = await runStep(defaultStep(twin, recorded), desired)
    expect(again.outcome.status).toBe('ok')
    expect(again.writes).toEqual([])
    expect(twin.writes().total).toBe(0)
    // One JMAP request (plus the session, read once per driver).
    expect(recorded.requests.filter(r => r.body)).toHaveLength(1)
    expect(recorded.requests.filter(r => r.body)[0]!.body.methodCalls.map(([name]: [string]) => name)).toEqual(['x:Domain/get', 'x:Account/query', 'x:Account/get'])
  })

  it('adopts the domain and mailbox it made without recording them, without duplicating them', async () => {
    const desired = mailTenant()
    // The same tenant, whose earlier run's answer (and so the ids) was lost.
    const first = mailTenant({
      slug: desired.slug,
      domains: desired.domains,
      members: [desired.members[0]!],
    })
    await converge(twin, defaultStep(twin), first)
    const before = snapshot(twin)
    const result = await converge(twin, defaultStep(twin), desired)
    expect(result.outcome.status).toBe('ok')
    expect(twin.objects('Domain').filter(d => d.name === desired.domains[0])).toHaveLength(1)
    expect(twin.objects('Account').length).toBe(before[1]!.length + 1)
    expect(desired.observed.domains).toEqual(first.observed.domains)
  })

  it('deletes mailboxes of people who left, and blocks the inactive', async () => {
    const desired = mailTenant()
    await converge(twin, defaultStep(twin), desired)
    const [domain] = desired.domains
    desired.members = [
      member(`owner@${domain}`),
      member(`dev@${domain}`, false),
    ]
    const devId = accountOf(`dev@${domain}`)!.id
    desired.members.push(member(`new@${domain}`))
    desired.members = desired.members.filter(m => !m.email.startsWith('owner@'))
    const { writes } = await runStep(defaultStep(twin), desired)
    expect(writes.map(w => [
      w.action,
      w.changes.map(c => `${c.field}:${String(c.after)}`).join(','),
    ])).toEqual([
      ['stalwart.account.create', `email:new@${domain},maxDiskQuota:5000000,canSignIn:true`],
      ['stalwart.account.update', 'canSignIn:false'],
      ['stalwart.account.delete', 'email:null'],
    ])
    expect(accountOf(`dev@${domain}`)).toMatchObject({
      id: devId,
      permissions: {
        '@type': 'Merge',
        'disabledPermissions': { authenticate: true, emailSend: true },
      },
    })
    expect(accountOf(`owner@${domain}`)).toBeUndefined()
  })
})

describe('mail step, modes', () => {
  it('skips a tenant without domains', async () => {
    const { outcome, writes } = await runStep(defaultStep(twin), mailTenant({ domains: [] }))
    expect(outcome).toMatchObject({ status: 'skipped', reason: 'no domain' })
    expect(writes).toEqual([])
  })

  it('suspends every mailbox and restores the exact state on resume', async () => {
    const desired = mailTenant()
    await converge(twin, defaultStep(twin), desired)
    const before = snapshot(twin)
    desired.mode = 'suspended'
    const suspended = await runStep(defaultStep(twin), desired)
    expect(suspended.outcome.status).toBe('ok')
    expect(suspended.writes.map(w => w.action)).toEqual(['stalwart.account.update', 'stalwart.account.update'])
    for (const email of Object.keys(desired.observed.accounts as object)) {
      expect(accountOf(email)!.permissions).toEqual({
        '@type': 'Merge',
        'enabledPermissions': {},
        'disabledPermissions': { authenticate: true, emailSend: true },
      })
    }
    desired.mode = 'present'
    await runStep(defaultStep(twin), desired)
    expect(snapshot(twin)).toEqual(before)
  })

  it('removes accounts, DKIM keys and domains when absent, also domains the tenant dropped', async () => {
    const desired = mailTenant()
    const second = `extra-${desired.domains[0]}`
    desired.domains.push(second)
    desired.members.push(member(`x@${second}`))
    await converge(twin, defaultStep(twin), desired)
    desired.domains = desired.domains.slice(0, 1)
    const dropped = await runStep(defaultStep(twin), desired)
    expect(dropped.writes.map(w => w.action)).toEqual([
      'stalwart.account.delete',
      'stalwart.dkim.delete',
      'stalwart.dkim.delete',
      'stalwart.domain.delete',
    ])
    desired.mode = 'absent'
    const { outcome, writes } = await runStep(defaultStep(twin), desired)
    expect(outcome).toEqual({
      status: 'ok',
      observed: { domains: {}, accounts: {} },
      outputs: { dnsRecords: [] },
    })
    expect(writes.filter(w => w.action === 'stalwart.domain.delete')).toHaveLength(1)
    expect(twin.objects('Domain').some(d => (d.name as string).endsWith(desired.domains[0]!))).toBe(false)
    const again = await runStep(defaultStep(twin), desired)
    expect(again.writes).toEqual([])
  })
})
