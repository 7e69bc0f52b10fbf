import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZDnsRecord } from './provisioning'
import { ZDomainName } from './tenants'

/**
 * What a DNS lookup found for one record the customer must publish:
 * `ok` — the expected value is there; `missing` — no record of that name and type; `mismatch` — records
 * exist but none carries the expected value (`found` lists them); `error` — the lookup failed (SERVFAIL,
 * timeout); `unchecked` — never looked up yet.
 */
export const DNS_CHECK_STATUSES = [
  'ok',
  'missing',
  'mismatch',
  'error',
  'unchecked',
] as const
export const ZDnsCheckStatus = z.enum(DNS_CHECK_STATUSES)
export type TDnsCheckStatus = z.infer<typeof ZDnsCheckStatus>

export const ZDnsRecordCheck = z.object({
  status: ZDnsCheckStatus,
  /** The values the lookup returned (normalised: TXT strings joined, MX as `priority host`). */
  found: z.array(z.string()),
  checkedAt: ZDateTime.nullable(),
})
export type TDnsRecordCheck = z.infer<typeof ZDnsRecordCheck>

/**
 * The purposes of a domain's records, in the order a customer publishes them: the ownership proof first,
 * then what mail delivery needs, then what protects and eases it; unknown purposes count as `other`.
 */
export const DOMAIN_RECORD_PURPOSES = [
  'verification',
  'mx',
  'spf',
  'dkim',
  'dmarc',
  'mta-sts',
  'tls-rpt',
  'autoconfig',
  'autodiscover',
  'srv',
  'other',
] as const

/** A record to publish (ZDnsRecord's `purpose` also takes `verification`) with the result of its last check. */
export const ZDomainRecord = ZDnsRecord.extend({
  /** Mail delivery or the ownership proof depend on it; the others are recommended. */
  required: z.boolean(),
  check: ZDnsRecordCheck,
})
export type TDomainRecord = z.infer<typeof ZDomainRecord>

/** One domain of a tenant: its ownership proof and every record to publish for mail. */
export const ZTenantDomain = z.object({
  name: ZDomainName,
  /** The verification TXT record was found at least once. */
  verified: z.boolean(),
  verifiedAt: ZDateTime.nullable(),
  /** The TXT record proving the tenant owns the domain (also the first entry of `records`). */
  verification: z.object({
    type: z.literal('TXT'),
    name: z.string(),
    value: z.string(),
  }),
  /** The mail server holds the domain and its DKIM keys, so the DKIM records are known. */
  mailReady: z.boolean(),
  records: z.array(ZDomainRecord),
  lastCheckedAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
})
export type TTenantDomain = z.infer<typeof ZTenantDomain>

export const ZTenantDomainList = z.object({
  items: z.array(ZTenantDomain),
})
export type TTenantDomainList = z.infer<typeof ZTenantDomainList>

export const ZAddTenantDomain = z.strictObject({
  name: z.string().trim().toLowerCase().pipe(ZDomainName),
})
export type TAddTenantDomain = z.infer<typeof ZAddTenantDomain>
