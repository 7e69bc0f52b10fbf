/** Why the portal shows a record: what it enables. */
export type DnsPurpose = 'mx' | 'spf' | 'dkim' | 'dmarc' | 'mta-sts' | 'tls-rpt' | 'autoconfig' | 'autodiscover' | 'srv' | 'other'

/** One record a customer must publish for a mail domain. */
export interface DnsRecord {
  domain: string
  type: string
  /** Fully qualified, without the trailing dot. */
  name: string
  /** TXT records: the strings joined, unquoted. */
  value: string
  ttl?: number
  purpose: DnsPurpose
}

function purposeOf(type: string, name: string, value: string): DnsPurpose {
  if (type === 'MX')
    return 'mx'
  if (type === 'SRV')
    return 'srv'
  if (name.includes('._domainkey.'))
    return 'dkim'
  if (type === 'TXT' && value.startsWith('v=spf1'))
    return 'spf'
  const label = name.split('.')[0]!
  if (label === '_dmarc')
    return 'dmarc'
  if (name.startsWith('_smtp._tls.'))
    return 'tls-rpt'
  if (label === 'mta-sts' || label === '_mta-sts')
    return 'mta-sts'
  if (label === 'autoconfig' || label === 'ua-auto-config' || label === '_ua-auto-config')
    return 'autoconfig'
  if (label === 'autodiscover')
    return 'autodiscover'
  return 'other'
}

function unquote(text: string): string {
  return [
    ...text.matchAll(/"((?:[^"\\]|\\.)*)"/g),
  ].map(m => m[1]!.replace(/\\(.)/g, '$1')).join('')
}

/**
 * Reads Stalwart's `Domain.dnsZoneFile` (BIND lines `name [ttl] IN TYPE rdata`, long TXT values as a
 * parenthesised list of strings over several lines, as dns-update's BindSerializer writes them).
 *
 * @example
 * parseZoneFile('acme.com', 'acme.com. IN MX 10 mail.acme.com.\n')
 * // [{ domain: 'acme.com', type: 'MX', name: 'acme.com', value: '10 mail.acme.com.', purpose: 'mx' }]
 */
export function parseZoneFile(domain: string, zone: string): DnsRecord[] {
  const records: DnsRecord[] = []
  const lines = zone.split('\n')
  for (let i = 0; i < lines.length; i++) {
    // BindSerializer writes no comments; a `;` belongs to TXT data (`v=DKIM1; k=rsa`).
    let line = lines[i]!.trim()
    if (!line)
      continue
    if (line.includes('(') && !line.includes(')')) {
      while (i + 1 < lines.length && !line.includes(')'))
        line += ` ${lines[++i]!.trim()}`
    }
    const match = /^(\S+)\s+(?:(\d+)\s+)?(?:IN\s+)?([A-Z]+)\s(.*)$/.exec(line)
    if (!match)
      continue
    const [, owner, ttl, type, rdata] = match as unknown as [string, string, string | undefined, string, string]
    const name = owner.replace(/\.$/, '')
    const value = type === 'TXT'
      ? unquote(rdata)
      : rdata.replace(/[()]/g, '').trim()
    records.push({
      domain,
      type,
      name,
      value,
      ...(ttl
        ? {
            ttl: Number(ttl),
          }
        : {}),
      purpose: purposeOf(type, name, value),
    })
  }
  return records
}

/** Whether the zone already carries a DKIM key (the signatures exist). */
export function hasDkim(zone: string): boolean {
  return /\._domainkey\.\S*\s+(?:\d+\s+)?IN\s+TXT/.test(zone)
}
