import type { StalwartTwin } from '@dezky/twins'
import { startStalwartTwin } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { converge, defaultStep, mailTenant, runStep } from './mail-fixtures'

let twin: StalwartTwin

beforeAll(async () => {
  twin = await startStalwartTwin({ dkimDelayMs: 30 })
})
afterAll(() => twin.stop())

const accountOf = (email: string) => twin.objects('Account').find(account => account.emailAddress === email)

describe('mail step repairs drift', () => {
  it('recreates a deleted domain with its mailboxes, and a deleted mailbox', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    await converge(twin, defaultStep(twin), desired)
    twin.drift({ action: 'deleteDomain', name: domain! })
    const repaired = await converge(twin, defaultStep(twin), desired)
    expect(repaired.outcome.status).toBe('ok')
    expect(accountOf(`owner@${domain}`)).toBeDefined()
    expect(twin.objects('DkimSignature').filter(s => s.domainId === (desired.observed.domains as Record<string, string>)[domain!])).toHaveLength(2)

    twin.drift({ action: 'deleteAccount', email: `dev@${domain}` })
    const { writes } = await runStep(defaultStep(twin), desired)
    expect(writes.map(w => w.action)).toEqual(['stalwart.account.create'])
    expect(accountOf(`dev@${domain}`)).toBeDefined()
  })

  it('puts back a changed quota and a taken-away sign-in', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    await converge(twin, defaultStep(twin), desired)
    twin.drift({ action: 'setAccountQuota', email: `owner@${domain}`, maxDiskQuota: 1 })
    twin.drift({ action: 'disableAccount', email: `dev@${domain}` })
    const { writes } = await runStep(defaultStep(twin), desired)
    expect(writes.map(w => w.changes)).toEqual([
      [
        { field: 'maxDiskQuota', before: 1, after: 5_000_000 },
      ],
      [
        { field: 'canSignIn', before: false, after: true },
      ],
    ])
    expect(accountOf(`owner@${domain}`)!.quotas).toEqual({ maxDiskQuota: 5_000_000 })
    expect(accountOf(`dev@${domain}`)!.permissions).toEqual({ '@type': 'Inherit' })
  })

  it('blocks again a suspended mailbox someone enabled', async () => {
    const desired = mailTenant({ mode: 'suspended' })
    const [domain] = desired.domains
    await converge(twin, defaultStep(twin), desired)
    twin.drift({ action: 'enableAccount', email: `owner@${domain}` })
    const { writes } = await runStep(defaultStep(twin), desired)
    expect(writes.map(w => w.changes)).toEqual([
      [
        { field: 'canSignIn', before: true, after: false },
      ],
    ])
  })

  it('asks Stalwart for new DKIM keys when they were deleted, once the grace period is over', async () => {
    const desired = mailTenant()
    const [domain] = desired.domains
    await converge(twin, defaultStep(twin), desired)
    twin.drift({ action: 'deleteDkimSignatures', domain: domain! })
    const patient = await runStep(defaultStep(twin, undefined, {
      dkimGraceMs: 60_000,
      now: () => Date.now() - 120_000 + 1_000,
    }), desired)
    expect(patient.outcome.status).toBe('waiting')
    const retrigger = await runStep(defaultStep(twin, undefined, { dkimGraceMs: 0 }), desired)
    expect(retrigger.outcome.status).toBe('waiting')
    expect(retrigger.writes.map(w => w.changes[0])).toEqual([
      { field: 'dkimManagement', before: 'Automatic', after: 'Manual' },
      { field: 'dkimManagement', before: 'Manual', after: 'Automatic' },
    ])
    await twin.dkimSettled()
    const done = await runStep(defaultStep(twin, undefined, { dkimGraceMs: 0 }), desired)
    expect(done.outcome.status).toBe('ok')
    expect((desired.outputs.dnsRecords as Array<{ purpose: string }>).filter(r => r.purpose === 'dkim')).toHaveLength(2)
  })
})
