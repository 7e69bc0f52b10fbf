import type { StalwartSchema } from './schema-contract'
import type { StalwartTwin } from './start-stalwart-twin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SPECS_MISSING, upstreamSpecPath } from '../testing/upstream-specs'
import { loadStalwartSchema } from './schema-contract'
import { startStalwartTwin } from './start-stalwart-twin'
import { jmap, result } from './test-client'

const file = upstreamSpecPath('stalwart/schema-v0.16.18.json.gz')

describe.skipIf(!file)(`Stalwart twin vs the v0.16.18 object model${file
  ? ''
  : ` — ${SPECS_MISSING}`}`, () => {
  let schema: StalwartSchema
  let twin: StalwartTwin

  beforeAll(async () => {
    schema = loadStalwartSchema(file!)
    twin = await startStalwartTwin({ dkimDelayMs: 10 })
    const { body } = await jmap(twin, [
      [
        'x:Domain/set',
        {
          create: {
            d: {
              name: 'contract.com',
              dkimManagement: { '@type': 'Automatic' },
            },
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
              'name': 'ann',
              'domainId': '#d',
              'credentials': {
                0: { '@type': 'Password', 'secret': 'a long enough secret' },
              },
              'quotas': { maxDiskQuota: 1 },
              'permissions': {
                '@type': 'Merge',
                'enabledPermissions': {},
                'disabledPermissions': { authenticate: true, emailSend: true },
              },
            },
          },
        },
        'a',
      ],
    ])
    expect(result(body, 'a').created).toBeDefined()
    await twin.dkimSettled()
  })
  afterAll(() => twin?.stop())

  it.each(['Domain', 'Account', 'DkimSignature'] as const)('x:%s/get answers only schema properties with schema types', async (type) => {
    const { body } = await jmap(twin, [
      [`x:${type}/get`, {}, 'g'],
    ])
    const list = result(body, 'g').list as unknown[]
    expect(list.length).toBeGreaterThan(0)
    for (const object of list)
      expect(schema.objectErrors(`x:${type}`, object, 'get')).toEqual([])
  })

  it('accepts the README payloads and catches wrong names, types, variants and server-set properties', () => {
    expect(schema.objectErrors('x:Domain', {
      name: 'a.com',
      aliases: {},
      certificateManagement: { '@type': 'Manual' },
      dkimManagement: { '@type': 'Automatic' },
      dnsManagement: { '@type': 'Manual' },
      subAddressing: { '@type': 'Enabled' },
    }, 'create')).toEqual([])
    expect(schema.objectErrors('x:Account', { '@type': 'User', 'quotas/maxDiskQuota': 5 }, 'update')).toEqual([])
    expect(schema.objectErrors('x:Domain', { nam: 'a.com' }, 'create')).toEqual([
      expect.stringContaining('/nam: not a property'),
    ])
    expect(schema.objectErrors('x:Domain', { isEnabled: 'yes' }, 'create')).toEqual([
      expect.stringContaining('expected a boolean'),
    ])
    expect(schema.objectErrors('x:Domain', {
      dkimManagement: { '@type': 'Auto' },
    }, 'create')).toEqual([
      expect.stringContaining('@type'),
    ])
    expect(schema.objectErrors('x:Domain', { dnsZoneFile: '' }, 'create')).toEqual([
      expect.stringContaining('server-set'),
    ])
    expect(schema.objectErrors('x:Account', {
      '@type': 'User',
      'quotas': { maxDisk: 1 },
    }, 'create')).toEqual([
      expect.stringContaining('enum StorageQuota'),
    ])
    expect(schema.methodCallErrors('x:Account/query', {
      filter: { email: 'x' },
    })).toEqual([
      expect.stringContaining('filter email'),
    ])
    expect(schema.methodCallErrors('x:Account/query', {
      filter: { domainId: 'a', name: 'x' },
    })).toEqual([])
  })

  it('knows every filter the twin accepts', () => {
    expect(schema.filterFields('x:Domain')).toEqual(expect.arrayContaining(['name', 'text', 'memberTenantId']))
    expect(schema.filterFields('x:Account')).toEqual(expect.arrayContaining([
      'name',
      'domainId',
      'text',
      '@type',
      'memberTenantId',
      'memberGroupIds',
    ]))
    expect(schema.filterFields('x:DkimSignature')).toEqual(expect.arrayContaining(['domainId', 'memberTenantId']))
  })
})
