import type { StalwartTwin } from './start-stalwart-twin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStalwartTwin } from './start-stalwart-twin'
import { createDomain, jmap } from './test-client'

let twin: StalwartTwin

beforeAll(async () => {
  twin = await startStalwartTwin({ dkimDelayMs: 30, hostname: 'mail.provider.com' })
  await createDomain(twin, 'acme.com')
  await createDomain(twin, 'globex.com')
  await jmap(twin, [
    [
      'x:Account/set',
      {
        create: {
          a: { '@type': 'User', 'name': 'alice', 'domainId': twin.objects('Domain').find(d => d.name === 'globex.com')!.id },
        },
      },
      'a',
    ],
  ])
  await twin.dkimSettled()
})
afterAll(() => twin.stop())

describe('drift and injected errors', () => {
  it('changes objects behind the platform\'s back', async () => {
    expect(twin.drift({ action: 'setAccountQuota', email: 'alice@globex.com', maxDiskQuota: 5 }).applied).toBe(true)
    expect(twin.drift({ action: 'disableAccount', email: 'alice@globex.com' }).applied).toBe(true)
    expect(twin.objects('Account').find(a => a.name === 'alice')).toMatchObject({
      quotas: { maxDiskQuota: 5 },
      permissions: {
        '@type': 'Merge',
        'disabledPermissions': { authenticate: true },
      },
    })
    twin.drift({ action: 'enableAccount', email: 'alice@globex.com' })
    expect(twin.objects('Account').find(a => a.name === 'alice')!.permissions).toEqual({ '@type': 'Inherit' })
    twin.drift({ action: 'deleteDkimSignatures', domain: 'acme.com' })
    expect(twin.objects('DkimSignature').filter(s => s.domainId === twin.objects('Domain').find(d => d.name === 'acme.com')!.id)).toEqual([])
    const response = await fetch(`${twin.url}/__twin/drift`, {
      method: 'POST',
      body: JSON.stringify({ action: 'deleteDomain', name: 'globex.com' }),
    })
    expect(await response.json()).toEqual({ applied: true, detail: 'deleteDomain globex.com' })
    expect(twin.objects('Account').some(a => a.name === 'alice')).toBe(false)
  })

  it('fails the next calls of a method with an injected method-level error', async () => {
    twin.drift({
      action: 'failMethod',
      method: 'x:Domain/get',
      type: 'serverFail',
      times: 1,
    })
    const first = await jmap(twin, [
      ['x:Domain/get', {}, 'g'],
    ])
    expect(first.body.methodResponses[0]).toEqual([
      'error',
      {
        type: 'serverFail',
        description: expect.any(String),
      },
      'g',
    ])
    const second = await jmap(twin, [
      ['x:Domain/get', {}, 'g'],
    ])
    expect(second.body.methodResponses[0][0]).toBe('x:Domain/get')
  })
})
