import type { StalwartTwin } from './start-stalwart-twin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStalwartTwin } from './start-stalwart-twin'
import { createDomain, domainObject, jmap, result } from './test-client'

let twin: StalwartTwin

beforeAll(async () => {
  twin = await startStalwartTwin({ dkimDelayMs: 30, hostname: 'mail.provider.com' })
  await createDomain(twin, 'acme.com')
})
afterAll(() => twin.stop())

describe('x:Account', () => {
  it('creates accounts in one request with a domain (creation references), never returns secrets', async () => {
    const { body } = await jmap(twin, [
      [
        'x:Domain/set',
        {
          create: {
            d: domainObject('globex.com'),
          },
        },
        'd',
      ],
      [
        'x:Account/set',
        {
          create: {
            a: {
              '@type': 'User',
              'name': 'alice',
              'domainId': '#d',
              'credentials': {
                0: { '@type': 'Password', 'secret': 'correct horse battery' },
              },
              'quotas': { maxDiskQuota: 1000 },
            },
          },
        },
        'a',
      ],
      [
        'x:Account/query',
        {
          filter: { name: 'alice' },
        },
        'q',
      ],
      [
        'x:Account/get',
        {
          '#ids': { resultOf: 'q', name: 'x:Account/query', path: '/ids' },
        },
        'g',
      ],
    ])
    const account = result(body, 'g').list[0]
    expect(account).toMatchObject({
      '@type': 'User',
      'name': 'alice',
      'emailAddress': 'alice@globex.com',
      'quotas': { maxDiskQuota: 1000 },
      'permissions': { '@type': 'Inherit' },
    })
    expect(account.credentials).toEqual({
      0: expect.objectContaining({ '@type': 'Password', 'secret': '****', 'credentialId': '0' }),
    })
    expect(JSON.stringify(twin.objects('Account'))).not.toContain('correct horse')
  })

  it('updates by JSON pointer, filters by domain, and refuses what Stalwart refuses', async () => {
    const domainId = twin.objects('Domain').find(d => d.name === 'globex.com')!.id
    const alice = twin.objects('Account').find(a => a.name === 'alice')!.id as string
    const { body } = await jmap(twin, [
      [
        'x:Account/set',
        {
          update: {
            [alice]: { 'quotas/maxDiskQuota': 2000 },
            ghost: { name: 'x' },
          },
        },
        'u',
      ],
      [
        'x:Account/set',
        {
          create: {
            dup: { '@type': 'User', 'name': 'Alice', domainId },
            email: { '@type': 'User', 'name': 'bob@globex.com', domainId },
            weak: {
              '@type': 'User',
              'name': 'bob',
              domainId,
              'credentials': {
                0: { '@type': 'Password', 'secret': 'x' },
              },
            },
            orphan: { '@type': 'User', 'name': 'bob', 'domainId': 'zzzz' },
            nodomain: { '@type': 'User', 'name': 'bob' },
          },
        },
        'c',
      ],
      [
        'x:Account/query',
        {
          filter: { domainId },
        },
        'q',
      ],
    ])
    expect(result(body, 'u').updated).toEqual({ [alice]: null })
    expect(result(body, 'u').notUpdated.ghost).toEqual({ type: 'notFound' })
    expect(twin.objects('Account').find(a => a.id === alice)!.quotas).toEqual({ maxDiskQuota: 2000 })
    const notCreated = result(body, 'c').notCreated
    expect(notCreated.dup.type).toBe('primaryKeyViolation')
    expect(notCreated.email).toMatchObject({ type: 'invalidPatch', description: 'Invalid email local part' })
    expect(notCreated.weak).toMatchObject({
      type: 'invalidProperties',
      properties: ['secret'],
    })
    expect(notCreated.orphan.type).toBe('invalidForeignKey')
    expect(notCreated.nodomain).toMatchObject({ type: 'validationFailed' })
    expect(result(body, 'q').ids).toEqual([alice])
  })

  it('changes the type state on writes and counts /set entries only', async () => {
    const first = await jmap(twin, [
      [
        'x:Account/get',
        { ids: [] },
        'g',
      ],
    ])
    twin.resetWrites()
    const alice = twin.objects('Account').find(a => a.name === 'alice')!.id as string
    const set = await jmap(twin, [
      [
        'x:Account/set',
        {
          update: {
            [alice]: { description: 'Alice' },
          },
        },
        's',
      ],
      ['x:Account/query', {}, 'q'],
    ])
    expect(result(set.body, 's').oldState).toBe(result(first.body, 'g').state)
    expect(result(set.body, 's').newState).not.toBe(result(set.body, 's').oldState)
    expect(twin.writes()).toEqual({
      total: 1,
      byKind: { 'account.update': 1 },
    })
  })
})
