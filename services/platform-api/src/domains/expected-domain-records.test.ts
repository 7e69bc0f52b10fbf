import { describe, expect, it } from 'vitest'
import { parseZoneFile } from '../provisioning/mail/parse-zone-file'
import { domainRecordKey, expectedDomainRecords, isMailReady } from './expected-domain-records'

const ZONE = [
  'sel1._domainkey.acme.com. IN TXT "v=DKIM1; k=ed25519; h=sha256; p=AAAA"',
  'acme.com. IN TXT "v=spf1 mx -all"',
  'acme.com. IN MX 10 mx.dezky.net.',
  '_imaps._tcp.acme.com. IN SRV 0 1 993 mx.dezky.net.',
  'autoconfig.acme.com. IN CNAME mx.dezky.net.',
  'other.com. IN MX 10 mx.dezky.net.',
].join('\n')
const mailRecords = [
  ...parseZoneFile('acme.com', ZONE.split('\n').filter(line => !line.startsWith('other')).join('\n')),
  ...parseZoneFile('other.com', 'other.com. IN MX 10 mx.dezky.net.\nsel1._domainkey.other.com. IN TXT "v=DKIM1; p=BBBB"\n'),
]

describe('expectedDomainRecords', () => {
  it('before the mail server has the domain: proof, then defaults (MX and autoconfig at MAIL_MX_HOST), no DKIM', () => {
    const records = expectedDomainRecords({
      domain: 'acme.com',
      verificationToken: 'tok',
      mailRecords: [],
      mxHost: 'mail.dezky.net',
    })
    expect(records.map(r => [
      r.purpose,
      r.type,
      r.name,
      r.value,
      r.required,
    ])).toEqual([
      [
        'verification',
        'TXT',
        '_dezky-verification.acme.com',
        'dezky-verification=tok',
        true,
      ],
      [
        'mx',
        'MX',
        'acme.com',
        '10 mail.dezky.net.',
        true,
      ],
      [
        'spf',
        'TXT',
        'acme.com',
        'v=spf1 mx -all',
        true,
      ],
      [
        'dmarc',
        'TXT',
        '_dmarc.acme.com',
        'v=DMARC1; p=reject',
        false,
      ],
      [
        'autoconfig',
        'CNAME',
        'autoconfig.acme.com',
        'mail.dezky.net.',
        false,
      ],
      [
        'autodiscover',
        'CNAME',
        'autodiscover.acme.com',
        'mail.dezky.net.',
        false,
      ],
    ])
    expect(isMailReady('acme.com', [])).toBe(false)
  })

  it('without MAIL_MX_HOST there is no MX to suggest yet', () => {
    const records = expectedDomainRecords({ domain: 'acme.com', verificationToken: 'tok', mailRecords: [] })
    expect(records.map(r => r.purpose)).toEqual(['verification', 'spf', 'dmarc'])
  })

  it('once the mail step rendered the zone: its records (this domain only) lead, defaults fill the purposes it lacks', () => {
    const records = expectedDomainRecords({
      domain: 'acme.com',
      verificationToken: 'tok',
      mailRecords,
      mxHost: 'mail.dezky.net',
    })
    expect(records.map(r => [r.purpose, r.value, r.required])).toEqual([
      ['verification', 'dezky-verification=tok', true],
      ['mx', '10 mx.dezky.net.', true],
      ['spf', 'v=spf1 mx -all', true],
      ['dkim', 'v=DKIM1; k=ed25519; h=sha256; p=AAAA', true],
      ['dmarc', 'v=DMARC1; p=reject', false],
      ['autoconfig', 'mx.dezky.net.', false],
      ['autodiscover', 'mail.dezky.net.', false],
      ['srv', '0 1 993 mx.dezky.net.', false],
    ])
    expect(records.every(r => r.domain === 'acme.com')).toBe(true)
    expect(isMailReady('acme.com', mailRecords)).toBe(true)
  })

  it('an SPF record for the mail host itself is recommended, the apex one required', () => {
    const zone = parseZoneFile('acme.com', 'mail.acme.com. IN TXT "v=spf1 a -all"\nacme.com. IN TXT "v=spf1 mx -all"\n')
    const records = expectedDomainRecords({ domain: 'acme.com', verificationToken: 't', mailRecords: zone })
    expect(records.filter(r => r.purpose === 'spf').map(r => [r.name, r.required])).toEqual([
      ['mail.acme.com', false],
      ['acme.com', true],
    ])
  })

  it('keys a check by the exact record it looked for', () => {
    expect(domainRecordKey({ type: 'MX', name: 'acme.com', value: '10 a.' })).not.toBe(domainRecordKey({ type: 'MX', name: 'acme.com', value: '10 b.' }))
  })
})
