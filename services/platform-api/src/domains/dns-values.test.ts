import { describe, expect, it } from 'vitest'
import { normaliseDnsValue } from './dns-values'

const same = (type: string, purpose: string, a: string, b: string) => normaliseDnsValue(type, purpose, a) === normaliseDnsValue(type, purpose, b)

describe('normaliseDnsValue', () => {
  it.each([
    [
      'MX',
      'mx',
      '10 mail.dezky.net.',
      '10 Mail.Dezky.NET',
      true,
    ],
    [
      'MX',
      'mx',
      '10 mail.dezky.net.',
      '20 mail.dezky.net.',
      false,
    ],
    [
      'MX',
      'mx',
      '10 mail.dezky.net.',
      '10 mx.dezky.net',
      false,
    ],
    [
      'CNAME',
      'autoconfig',
      'mail.dezky.net.',
      'MAIL.dezky.net',
      true,
    ],
    [
      'SRV',
      'srv',
      '0 1 993 mail.dezky.net.',
      '0 1 993 mail.dezky.net',
      true,
    ],
    [
      'SRV',
      'srv',
      '0 1 993 mail.dezky.net.',
      '0 1 995 mail.dezky.net',
      false,
    ],
    [
      'TXT',
      'spf',
      'v=spf1 mx -all',
      '  V=SPF1   MX  -ALL ',
      true,
    ],
    [
      'TXT',
      'spf',
      'v=spf1 mx -all',
      'v=spf1 mx ~all',
      false,
    ],
    [
      'TXT',
      'dmarc',
      'v=DMARC1; p=reject',
      'v=dmarc1;p=reject;',
      true,
    ],
    [
      'TXT',
      'dmarc',
      'v=DMARC1; p=reject',
      'v=DMARC1; p = reject',
      true,
    ],
    [
      'TXT',
      'dmarc',
      'v=DMARC1; p=reject',
      'v=DMARC1; p=none',
      false,
    ],
    [
      'TXT',
      'dkim',
      'v=DKIM1; k=rsa; p=ABCdef',
      'v=DKIM1; k=rsa; p=ABC def',
      true,
    ],
    [
      'TXT',
      'dkim',
      'v=DKIM1; k=rsa; p=ABCdef',
      'v=DKIM1; k=rsa; p=abcdef',
      false,
    ],
    [
      'TXT',
      'verification',
      'dezky-verification=abc',
      ' dezky-verification=abc ',
      true,
    ],
    [
      'TXT',
      'verification',
      'dezky-verification=abc',
      'dezky-verification=ABC',
      false,
    ],
  ])('%s %s: "%s" vs "%s" → %s', (type, purpose, a, b, expected) => {
    expect(same(type, purpose, a, b)).toBe(expected)
  })
})
