/** Record types the twin serves. */
export const DNS_TWIN_TYPES = [
  'A',
  'AAAA',
  'TXT',
  'MX',
  'CNAME',
  'SRV',
] as const
export type DnsTwinType = typeof DNS_TWIN_TYPES[number]

/**
 * One record, in zone-file presentation (the shape the API's `ZDnsRecord` has, so its records can be
 * published as they are): TXT the text (split into 255-byte strings on the wire), MX `priority host`,
 * SRV `priority weight port host`, CNAME a host, A/AAAA an address. Names without the trailing dot.
 */
export interface DnsTwinRecord {
  name: string
  type: string
  value: string
  ttl?: number
}

/** What a name does instead of answering: SERVFAIL, or no answer at all (the client times out). */
export type DnsTwinFault = 'servfail' | 'timeout'

export type DnsAnswer
  = | { kind: 'answer', records: DnsTwinRecord[] }
    | { kind: 'nxdomain' }
    | { kind: 'servfail' }
    | { kind: 'timeout' }

export const canonicalName = (name: string) => name.trim().toLowerCase().replace(/\.$/, '')

/**
 * The twin's records and faults, with the answer logic of an authoritative server: the records of the
 * name and type; a CNAME when the name has one and another type is asked; NODATA (an empty answer) for a
 * name that exists — also as an empty non-terminal such as `_domainkey.acme.test` — without that type;
 * NXDOMAIN otherwise.
 */
export function createDnsZone() {
  let records: DnsTwinRecord[] = []
  const faults = new Map<string, DnsTwinFault>()
  return {
    setRecords(next: readonly DnsTwinRecord[]) {
      for (const record of next) {
        if (!(DNS_TWIN_TYPES as readonly string[]).includes(record.type))
          throw new Error(`the DNS twin does not serve ${record.type} records (${record.name})`)
      }
      records = next.map(record => ({
        ...record,
        name: canonicalName(record.name),
      }))
    },
    records: () => [...records],
    setFault(name: string, fault: DnsTwinFault | null) {
      if (fault)
        faults.set(canonicalName(name), fault)
      else
        faults.delete(canonicalName(name))
    },
    clear() {
      records = []
      faults.clear()
    },
    answer(rawName: string, type: string): DnsAnswer {
      const name = canonicalName(rawName)
      const fault = faults.get(name)
      if (fault)
        return { kind: fault }
      const own = records.filter(record => record.name === name)
      const exists = own.length > 0 || records.some(record => record.name.endsWith(`.${name}`))
      if (!exists)
        return { kind: 'nxdomain' }
      const matching = own.filter(record => record.type === type)
      const alias = own.filter(record => record.type === 'CNAME')
      return {
        kind: 'answer',
        records: matching.length || type === 'CNAME'
          ? matching
          : alias,
      }
    },
  }
}
export type DnsZone = ReturnType<typeof createDnsZone>
