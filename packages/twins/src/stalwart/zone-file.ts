import type { StoredObject } from './types'
import { createHash } from 'node:crypto'

export interface ZoneOptions {
  /** The server's own host name (`server_name`): MX exchange and CNAME target. */
  hostname: string
  /** `Some(policy)` upstream when MTA-STS is configured; its `id` goes into `_mta-sts`. */
  mtaStsPolicyId?: string
  /** Where autoconfig (PACC) documents point; its digest goes into `_ua-auto-config`. */
  httpsUrl: string
}

interface Rr { name: string, type: 'MX' | 'TXT' | 'CNAME' | 'SRV', value: string }

// BindSerializer (stalwartlabs/dns-update src/bind.rs): no TTL, TXT over 255 bytes split into a
// parenthesised multi-line string list, quotes and backslashes escaped.
function serialize(records: Rr[]): string {
  const escape = (text: string) => text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
  return records.map(({ name, type, value }) => {
    if (type !== 'TXT')
      return `${name} IN ${type} ${value}\n`
    if (Buffer.byteLength(value) <= 255)
      return `${name} IN TXT "${escape(value)}"\n`
    const chunks = value.match(/[\s\S]{1,255}/g) ?? []
    return `${name} IN TXT (\n${chunks.map(chunk => `    "${escape(chunk)}"\n`).join('')})\n`
  }).join('')
}

function reportUri(uri: string, domain: string): string {
  return uri.startsWith('mailto:') && !uri.includes('@')
    ? `${uri}@${domain}`
    : uri
}

/**
 * The domain's `dnsZoneFile`, as `build_bind_dns_records` (common/src/network/dns/records.rs) renders it:
 * DKIM, (TLSA), SPF, MX, DMARC, SRV, MTA-STS, TLS-RPT, (CAA), autoconfig (PACC), legacy autoconfig,
 * autodiscover — in that order. TLSA and CAA need certificates / an ACME provider, which the twin has not.
 */
export function renderZoneFile(domain: StoredObject, signatures: StoredObject[], options: ZoneOptions): string {
  const name = domain.name as string
  const host = options.hostname
  const records: Rr[] = []
  for (const signature of signatures) {
    const type = String(signature['@type'])
    const k = type.includes('Ed25519')
      ? 'ed25519'
      : 'rsa'
    records.push({ name: `${signature.selector}._domainkey.${name}.`, type: 'TXT', value: `v=DKIM1; k=${k}; h=sha256; p=${signature.publicKey}` })
  }
  if (host.endsWith(`.${name}`))
    records.push({ name: `${host}.`, type: 'TXT', value: 'v=spf1 a -all' })
  records.push({ name: `${name}.`, type: 'TXT', value: 'v=spf1 mx -all' })
  records.push({ name: `${name}.`, type: 'MX', value: `10 ${host}.` })
  const report = domain.reportAddressUri as string | null
  if (report)
    records.push({ name: `_dmarc.${name}.`, type: 'TXT', value: `v=DMARC1; p=reject; rua=${reportUri(report, name)}` })
  for (const [service, port] of [
    ['jmap', 443],
    ['caldavs', 443],
    ['carddavs', 443],
    ['imaps', 993],
    ['pop3s', 995],
    ['submissions', 465],
  ] as const)
    records.push({ name: `_${service}._tcp.${name}.`, type: 'SRV', value: `0 1 ${port} ${host}.` })
  if (options.mtaStsPolicyId) {
    records.push({ name: `mta-sts.${name}.`, type: 'CNAME', value: `${host}.` })
    records.push({ name: `_mta-sts.${name}.`, type: 'TXT', value: `v=STSv1; id=${options.mtaStsPolicyId}` })
  }
  if (report)
    records.push({ name: `_smtp._tls.${name}.`, type: 'TXT', value: `v=TLSRPTv1; rua=${reportUri(report, name)}` })
  const pacc = createHash('sha256').update(`{"issuer":"${options.httpsUrl}"}`).digest('base64')
  records.push({ name: `ua-auto-config.${name}.`, type: 'CNAME', value: `${host}.` })
  records.push({ name: `_ua-auto-config.${name}.`, type: 'TXT', value: `v=UAAC1; a=sha256; d=${pacc}` })
  records.push({ name: `autoconfig.${name}.`, type: 'CNAME', value: `${host}.` })
  records.push({ name: `autodiscover.${name}.`, type: 'CNAME', value: `${host}.` })
  return serialize(records)
}
