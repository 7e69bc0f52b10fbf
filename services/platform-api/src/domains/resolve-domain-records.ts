import type { TDnsRecord, TDnsRecordCheck } from '@dezky/contracts'
import { Resolver } from 'node:dns/promises'
import { domainRecordKey } from './expected-domain-records'
import { lookupDnsRecord } from './lookup-dns-record'

export interface ResolveDomainRecordsOptions {
  /** `host:port` entries; unset → the system's resolvers. */
  servers?: readonly string[]
  timeoutMs: number
  /** Lookups in flight at once: a domain has a dozen records, and a resolver should not get them as a burst. */
  concurrency?: number
  now?: Date
}

/**
 * Looks every record up (each query sent once, `timeoutMs` each, a bounded number at a time) and returns
 * the results keyed by domainRecordKey.
 *
 * @example
 * const checks = await resolveDomainRecords(records, { servers: ['127.0.0.1:5353'], timeoutMs: 3000 })
 * checks[domainRecordKey(records[0])] // { status: 'ok', found: ['dezky-verification=…'], checkedAt: '…' }
 */
export async function resolveDomainRecords(records: readonly TDnsRecord[], { servers, timeoutMs, concurrency = 8, now = new Date() }: ResolveDomainRecordsOptions): Promise<Record<string, TDnsRecordCheck>> {
  const resolver = new Resolver({ timeout: timeoutMs, tries: 1 })
  if (servers?.length)
    resolver.setServers([...servers])
  const checks: Record<string, TDnsRecordCheck> = {}
  let next = 0
  const worker = async () => {
    while (next < records.length) {
      const record = records[next++]!
      checks[domainRecordKey(record)] = await lookupDnsRecord(resolver, record, now)
    }
  }
  await Promise.all(Array.from({
    length: Math.min(concurrency, records.length),
  }, worker))
  return checks
}
