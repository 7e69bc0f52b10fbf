import type { TDnsRecord } from '@dezky/contracts'
import { DOMAIN_RECORD_PURPOSES } from '@dezky/contracts'

/** A record to publish, before any check: the contract's `ZDomainRecord` without `check`. */
export type ExpectedRecord = TDnsRecord & { required: boolean }

export interface ExpectedRecordsInput {
  domain: string
  verificationToken: string
  /** The mail step's `outputs.dnsRecords` (every domain of the tenant; those of `domain` are used). */
  mailRecords: readonly TDnsRecord[]
  /** MAIL_MX_HOST: where MX and autoconfig point until the mail server has rendered the domain's zone. */
  mxHost?: string
}

/**
 * A subdomain rather than the apex: the apex TXT set already carries SPF (and often other providers'
 * proofs), and a dedicated name can be published or removed without touching mail delivery.
 */
export const VERIFICATION_LABEL = '_dezky-verification'

/** The ownership proof of a domain. */
export function verificationRecord(domain: string, token: string): { type: 'TXT', name: string, value: string } {
  return { type: 'TXT', name: `${VERIFICATION_LABEL}.${domain}`, value: `dezky-verification=${token}` }
}

/**
 * Every record a tenant publishes for a domain: the verification TXT, then the mail server's zone for the
 * domain (MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT, autoconfig, autodiscover, SRV) once the mail step has it.
 * Purposes the zone lacks — all of them before the mail server holds the domain — fall back to defaults:
 * MX and the autoconfig/autodiscover CNAMEs at `mxHost` (when configured), SPF `v=spf1 mx -all` and
 * DMARC `v=DMARC1; p=reject` (what the mail server renders). DKIM has no default: its key exists only
 * once the mail server made it (`mailReady`). Required: verification, MX, the apex SPF and DKIM.
 *
 * @example
 * expectedDomainRecords({ domain: 'acme.com', verificationToken: 't0k', mailRecords: [], mxHost: 'mail.dezky.net' })
 * // [{ purpose: 'verification', type: 'TXT', name: '_dezky-verification.acme.com', value: 'dezky-verification=t0k', required: true, … },
 * //  { purpose: 'mx', type: 'MX', name: 'acme.com', value: '10 mail.dezky.net.', required: true, … }, …]
 */
export function expectedDomainRecords({ domain, verificationToken, mailRecords, mxHost }: ExpectedRecordsInput): ExpectedRecord[] {
  const zone = mailRecords.filter(record => record.domain === domain)
  const have = new Set(zone.map(record => record.purpose))
  const defaults: TDnsRecord[] = [
    ...(mxHost
      ? [
          {
            domain,
            type: 'MX',
            name: domain,
            value: `10 ${mxHost}.`,
            purpose: 'mx',
          },
          {
            domain,
            type: 'CNAME',
            name: `autoconfig.${domain}`,
            value: `${mxHost}.`,
            purpose: 'autoconfig',
          },
          {
            domain,
            type: 'CNAME',
            name: `autodiscover.${domain}`,
            value: `${mxHost}.`,
            purpose: 'autodiscover',
          },
        ]
      : []),
    {
      domain,
      type: 'TXT',
      name: domain,
      value: 'v=spf1 mx -all',
      purpose: 'spf',
    },
    {
      domain,
      type: 'TXT',
      name: `_dmarc.${domain}`,
      value: 'v=DMARC1; p=reject',
      purpose: 'dmarc',
    },
  ]
  const records: TDnsRecord[] = [
    {
      domain,
      ...verificationRecord(domain, verificationToken),
      purpose: 'verification',
    },
    ...zone,
    ...defaults.filter(record => !have.has(record.purpose)),
  ]
  const rank = (purpose: string) => {
    const index = (DOMAIN_RECORD_PURPOSES as readonly string[]).indexOf(purpose)
    return index < 0
      ? DOMAIN_RECORD_PURPOSES.length
      : index
  }
  return records
    .map((record, index) => ({ record, index }))
    .sort((a, b) => rank(a.record.purpose) - rank(b.record.purpose) || a.index - b.index)
    .map(({ record }) => ({
      ...record,
      required: isRequired(record, domain),
    }))
}

function isRequired(record: TDnsRecord, domain: string): boolean {
  if (record.purpose === 'spf')
    return record.name === domain
  return ['verification', 'mx', 'dkim'].includes(record.purpose)
}

/** Whether the mail server has made the domain's DKIM keys (so its zone, with DKIM, is known). */
export function isMailReady(domain: string, mailRecords: readonly TDnsRecord[]): boolean {
  return mailRecords.some(record => record.domain === domain && record.purpose === 'dkim')
}

/**
 * The key a record's last check is stored under: a check applies to exactly the value it looked for, so a
 * changed expectation (a new DKIM key, another MX host) shows as unchecked rather than as a stale result.
 */
export function domainRecordKey(record: Pick<TDnsRecord, 'type' | 'name' | 'value'>): string {
  return `${record.type} ${record.name} ${record.value}`
}
