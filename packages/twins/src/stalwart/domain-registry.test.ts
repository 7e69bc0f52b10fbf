import type { StalwartTwin } from './start-stalwart-twin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStalwartTwin } from './start-stalwart-twin'
import { createDomain, jmap, result } from './test-client'

let twin: StalwartTwin

beforeAll(async () => {
  twin = await startStalwartTwin({ dkimDelayMs: 30, hostname: 'mail.provider.com' })
})
afterAll(() => twin.stop())

describe('x:Domain', () => {
  it('creates a domain, then DKIM signatures appear asynchronously and enter the zone file', async () => {
    const before = twin.writes().total
    const id = await createDomain(twin, 'acme.com')
    expect(twin.writes().total).toBe(before + 1)
    expect(twin.objects('DkimSignature')).toEqual([])
    await twin.dkimSettled()
    const signatures = twin.objects('DkimSignature').filter(s => s.domainId === id)
    expect(signatures.map(s => s['@type']).sort()).toEqual(['Dkim1Ed25519Sha256', 'Dkim1RsaSha256'])
    expect(signatures.map(s => s.selector)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^v1-ed25519-\d{8}$/),
      expect.stringMatching(/^v1-rsa-\d{8}$/),
    ]))
    expect(signatures[0]!.privateKey).toEqual({ '@type': 'Text', 'secret': '****' })
    const { body } = await jmap(twin, [
      [
        'x:Domain/get',
        {
          ids: [id],
        },
        'g',
      ],
    ])
    const zone = result(body, 'g').list[0].dnsZoneFile as string
    expect(zone).toContain('acme.com. IN MX 10 mail.provider.com.')
    expect(zone).toContain('acme.com. IN TXT "v=spf1 mx -all"')
    expect(zone).toContain('_dmarc.acme.com. IN TXT "v=DMARC1; p=reject; rua=mailto:postmaster@acme.com"')
    expect(zone).toContain('_smtp._tls.acme.com. IN TXT "v=TLSRPTv1; rua=mailto:postmaster@acme.com"')
    expect(zone).toMatch(/v1-ed25519-\d{8}\._domainkey\.acme\.com\. IN TXT "v=DKIM1; k=ed25519; h=sha256; p=/)
    expect(zone).toMatch(/v1-rsa-\d{8}\._domainkey\.acme\.com\. IN TXT \(\n {4}"v=DKIM1; k=rsa/)
    expect(zone).toContain('_mta-sts.acme.com. IN TXT "v=STSv1; id=')
    expect(zone).toContain('autoconfig.acme.com. IN CNAME mail.provider.com.')
    expect(zone).toContain('autodiscover.acme.com. IN CNAME mail.provider.com.')
  })

  it('refuses duplicates, invalid names and server-set properties with Stalwart\'s SetErrors', async () => {
    const { body } = await jmap(twin, [
      [
        'x:Domain/set',
        {
          create: {
            dup: { name: 'ACME.com' },
            bad: { name: 'acme.example' },
            srv: { name: 'fine.com', dnsZoneFile: 'x' },
            unknown: { name: 'fine.com', colour: 'red' },
            missing: {},
          },
        },
        's',
      ],
    ])
    const notCreated = result(body, 's').notCreated
    expect(notCreated.dup).toMatchObject({
      type: 'primaryKeyViolation',
      properties: ['name'],
      objectId: { object: 'Domain' },
    })
    expect(notCreated.bad).toMatchObject({ type: 'invalidPatch', description: 'Invalid domain name' })
    expect(notCreated.srv).toMatchObject({
      type: 'invalidPatch',
      properties: ['dnsZoneFile'],
    })
    expect(notCreated.unknown).toMatchObject({
      type: 'invalidPatch',
      properties: ['colour'],
    })
    expect(notCreated.missing).toMatchObject({
      type: 'validationFailed',
      validationErrors: [
        { type: 'Required', property: 'name' },
      ],
    })
  })

  it('will not destroy a domain that accounts or DKIM signatures point at', async () => {
    const id = twin.objects('Domain').find(d => d.name === 'acme.com')!.id as string
    const { body } = await jmap(twin, [
      [
        'x:Domain/set',
        {
          destroy: [id, 'nope'],
        },
        's',
      ],
    ])
    expect(result(body, 's').notDestroyed[id]).toMatchObject({
      type: 'objectIsLinked',
      linkedObjects: expect.arrayContaining([
        expect.objectContaining({ object: 'DkimSignature' }),
      ]),
    })
    expect(result(body, 's').notDestroyed.nope).toEqual({ type: 'notFound' })
  })
})
