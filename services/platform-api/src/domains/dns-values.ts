/** A host name as DNS answers carry it and as people type it: case-insensitive, trailing dot optional. */
export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '')
}

/** Tag-value policies (`v=spf1 mx -all`, `v=DMARC1; p=reject`) are read case-insensitively by receivers. */
const POLICY_PURPOSES = new Set(['spf', 'dmarc', 'mta-sts', 'tls-rpt'])

/**
 * The comparable form of a record value, so that what a customer published in a slightly different
 * spelling still counts: MX as `priority host`, SRV as `priority weight port host` and CNAME as a host
 * (no trailing dot, lower case); SPF/DMARC/MTA-STS/TLS-RPT lower-cased with whitespace collapsed and
 * ignored around `;` and `=`; DKIM without any whitespace (DNS editors split long keys with spaces);
 * other TXT values trimmed. TXT values arrive with their character-strings already joined.
 *
 * @example
 * normaliseDnsValue('MX', 'mx', '10 Mail.Example.com.') // '10 mail.example.com'
 * normaliseDnsValue('TXT', 'dmarc', 'v=DMARC1;  p=reject;') // 'v=dmarc1;p=reject'
 */
export function normaliseDnsValue(type: string, purpose: string, value: string): string {
  const parts = value.trim().split(/\s+/)
  switch (type) {
    case 'MX':
      return `${Number(parts[0])} ${normaliseHost(parts[1] ?? '')}`
    case 'SRV':
      return [
        ...parts.slice(0, 3).map(Number),
        normaliseHost(parts[3] ?? ''),
      ].join(' ')
    case 'CNAME':
      return normaliseHost(value)
    case 'TXT':
      if (purpose === 'dkim')
        return value.replace(/\s+/g, '').replace(/;$/, '')
      if (POLICY_PURPOSES.has(purpose))
        return value.toLowerCase().replace(/\s+/g, ' ').replace(/\s*([;=])\s*/g, '$1').trim().replace(/;$/, '')
      return value.trim()
    default:
      return value.trim().toLowerCase()
  }
}
