import { describe, expect, it } from 'vitest'
import { canSignIn, withSignIn } from '../../src/provisioning/mail/account-access'
import { hasDkim, parseZoneFile } from '../../src/provisioning/mail/parse-zone-file'

const ZONE = `v1-rsa-20260101._domainkey.acme.com. IN TXT (
    "v=DKIM1; k=rsa; h=sha256; p=MIIB"
    "CgKCAQEA\\"x"
)
acme.com. IN TXT "v=spf1 mx -all"
acme.com. 3600 IN MX 10 mail.acme.com.
_dmarc.acme.com. IN TXT "v=DMARC1; p=reject; rua=mailto:postmaster@acme.com"
_imaps._tcp.acme.com. IN SRV 0 1 993 mail.acme.com.
_mta-sts.acme.com. IN TXT "v=STSv1; id=1"
_smtp._tls.acme.com. IN TXT "v=TLSRPTv1; rua=mailto:postmaster@acme.com"
_ua-auto-config.acme.com. IN TXT "v=UAAC1; a=sha256; d=abc"
autodiscover.acme.com. IN CNAME mail.acme.com.
_25._tcp.mail.acme.com. IN TLSA 3 1 1 abcd
`

describe('zone file', () => {
  it('reads BIND records, multi-line TXT included, and names their purpose', () => {
    expect(parseZoneFile('acme.com', ZONE)).toEqual([
      {
        domain: 'acme.com',
        type: 'TXT',
        name: 'v1-rsa-20260101._domainkey.acme.com',
        value: 'v=DKIM1; k=rsa; h=sha256; p=MIIBCgKCAQEA"x',
        purpose: 'dkim',
      },
      {
        domain: 'acme.com',
        type: 'TXT',
        name: 'acme.com',
        value: 'v=spf1 mx -all',
        purpose: 'spf',
      },
      {
        domain: 'acme.com',
        type: 'MX',
        name: 'acme.com',
        value: '10 mail.acme.com.',
        ttl: 3600,
        purpose: 'mx',
      },
      {
        domain: 'acme.com',
        type: 'TXT',
        name: '_dmarc.acme.com',
        value: 'v=DMARC1; p=reject; rua=mailto:postmaster@acme.com',
        purpose: 'dmarc',
      },
      {
        domain: 'acme.com',
        type: 'SRV',
        name: '_imaps._tcp.acme.com',
        value: '0 1 993 mail.acme.com.',
        purpose: 'srv',
      },
      {
        domain: 'acme.com',
        type: 'TXT',
        name: '_mta-sts.acme.com',
        value: 'v=STSv1; id=1',
        purpose: 'mta-sts',
      },
      {
        domain: 'acme.com',
        type: 'TXT',
        name: '_smtp._tls.acme.com',
        value: 'v=TLSRPTv1; rua=mailto:postmaster@acme.com',
        purpose: 'tls-rpt',
      },
      {
        domain: 'acme.com',
        type: 'TXT',
        name: '_ua-auto-config.acme.com',
        value: 'v=UAAC1; a=sha256; d=abc',
        purpose: 'autoconfig',
      },
      {
        domain: 'acme.com',
        type: 'CNAME',
        name: 'autodiscover.acme.com',
        value: 'mail.acme.com.',
        purpose: 'autodiscover',
      },
      {
        domain: 'acme.com',
        type: 'TLSA',
        name: '_25._tcp.mail.acme.com',
        value: '3 1 1 abcd',
        purpose: 'other',
      },
    ])
    expect(hasDkim(ZONE)).toBe(true)
    expect(hasDkim('acme.com. IN TXT "v=spf1 mx -all"\n')).toBe(false)
  })
})

describe('account sign-in', () => {
  it.each([
    [
      { '@type': 'Inherit' },
      true,
    ],
    [
      {
        '@type': 'Merge',
        'enabledPermissions': {},
        'disabledPermissions': { authenticate: true },
      },
      false,
    ],
    [
      {
        '@type': 'Merge',
        'enabledPermissions': {},
        'disabledPermissions': { impersonate: true },
      },
      true,
    ],
    [
      {
        '@type': 'Replace',
        'enabledPermissions': { authenticate: true },
        'disabledPermissions': {},
      },
      false,
    ],
  ])('%j → %s', (permissions, expected) => {
    expect(canSignIn(permissions)).toBe(expected)
  })

  it('stops and restores without leaving a trace, and keeps other customizations', () => {
    const stopped = withSignIn({ '@type': 'Inherit' }, false)
    expect(stopped).toEqual({
      '@type': 'Merge',
      'enabledPermissions': {},
      'disabledPermissions': { authenticate: true, emailSend: true },
    })
    expect(withSignIn(stopped, true)).toEqual({ '@type': 'Inherit' })
    const custom = {
      '@type': 'Merge',
      'enabledPermissions': {},
      'disabledPermissions': { impersonate: true, authenticate: true },
    }
    expect(withSignIn(custom, true)).toEqual({
      '@type': 'Merge',
      'enabledPermissions': {},
      'disabledPermissions': { impersonate: true },
    })
    expect(canSignIn(withSignIn({ '@type': 'Replace', 'enabledPermissions': {}, 'disabledPermissions': {} }, true))).toBe(true)
  })
})
