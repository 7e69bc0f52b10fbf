import type { TDnsRecord, TDnsRecordCheck, TTenantDomain } from '@dezky/contracts'
import type { TenantDomainRow } from '../db/schema'
import { domainRecordKey, expectedDomainRecords, isMailReady, verificationRecord } from './expected-domain-records'

const UNCHECKED: TDnsRecordCheck = { status: 'unchecked', found: [], checkedAt: null }

/**
 * A domain as the portal shows it: the records to publish now, each with the result of its last check
 * (or `unchecked` when that exact record was never looked up).
 */
export function toTenantDomain(row: TenantDomainRow, mailRecords: readonly TDnsRecord[], mxHost: string | undefined): TTenantDomain {
  const records = expectedDomainRecords({
    domain: row.name,
    verificationToken: row.verificationToken,
    mailRecords,
    mxHost,
  })
  return {
    name: row.name,
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    verification: verificationRecord(row.name, row.verificationToken),
    mailReady: isMailReady(row.name, mailRecords),
    records: records.map(record => ({ ...record, check: row.checks[domainRecordKey(record)] ?? UNCHECKED })),
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}
