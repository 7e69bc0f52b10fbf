import type { TDomainRecord } from '@dezky/contracts'
import { DOMAIN_RECORD_PURPOSES } from '@dezky/contracts'

/**
 * The order in which a customer publishes a domain's records: the ownership proof first, then what mail
 * delivery needs, then what protects and eases it. Autodiscover sits with autoconfig (both configure
 * mail clients); purposes we do not know yet land in `other`, at the end.
 */
export const DOMAIN_RECORD_GROUPS = DOMAIN_RECORD_PURPOSES.filter(purpose => purpose !== 'autodiscover')
export type TDomainRecordGroup = Exclude<typeof DOMAIN_RECORD_PURPOSES[number], 'autodiscover'>

export interface TNumberedRecord {
  record: TDomainRecord
  /** Position among the records of the same purpose: `record-<purpose>-<index>` in test ids. */
  index: number
}

export interface TDomainRecordGroupEntry {
  group: TDomainRecordGroup
  records: TNumberedRecord[]
}

const ALIASES: Record<string, TDomainRecordGroup> = { autodiscover: 'autoconfig' }

function groupOf(purpose: string): TDomainRecordGroup {
  const known = ALIASES[purpose] ?? purpose
  return (DOMAIN_RECORD_GROUPS as readonly string[]).includes(known)
    ? known as TDomainRecordGroup
    : 'other'
}

/**
 * Groups a domain's records by purpose in publishing order, keeping the API's order inside a group.
 * Empty groups are left out.
 *
 * @example
 * groupDomainRecords(domain.records).map(entry => entry.group) // ['verification', 'mx', 'spf', 'dkim', …]
 */
export function groupDomainRecords(records: readonly TDomainRecord[]): TDomainRecordGroupEntry[] {
  const byGroup = new Map<TDomainRecordGroup, TNumberedRecord[]>()
  const perPurpose = new Map<string, number>()
  for (const record of records) {
    const index = perPurpose.get(record.purpose) ?? 0
    perPurpose.set(record.purpose, index + 1)
    const group = groupOf(record.purpose)
    byGroup.set(group, [
      ...byGroup.get(group) ?? [],
      { record, index },
    ])
  }
  return DOMAIN_RECORD_GROUPS
    .filter(group => byGroup.has(group))
    .map(group => ({
      group,
      records: byGroup.get(group)!,
    }))
}
