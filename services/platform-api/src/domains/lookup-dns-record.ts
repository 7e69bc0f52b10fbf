import type { TDnsRecord, TDnsRecordCheck } from '@dezky/contracts'
import type { Resolver } from 'node:dns/promises'
import { normaliseDnsValue } from './dns-values'

/** The answers of one name and type, in the form `ZDnsRecordCheck.found` shows them. */
const QUERIES: Record<string, (resolver: Resolver, name: string) => Promise<string[]>> = {
  TXT: async (resolver, name) => (await resolver.resolveTxt(name)).map(chunks => chunks.join('')),
  MX: async (resolver, name) => (await resolver.resolveMx(name)).map(mx => `${mx.priority} ${mx.exchange}`),
  CNAME: (resolver, name) => resolver.resolveCname(name),
  SRV: async (resolver, name) => (await resolver.resolveSrv(name)).map(srv => `${srv.priority} ${srv.weight} ${srv.port} ${srv.name}`),
  A: (resolver, name) => resolver.resolve4(name),
  AAAA: (resolver, name) => resolver.resolve6(name),
}

/** The name does not exist (NXDOMAIN) or has no record of the type (NODATA): the customer has not published it. */
const ABSENT = new Set(['ENOTFOUND', 'ENODATA'])

/**
 * Looks one expected record up and says whether it is published: `ok` when an answer carries the value
 * (compared in normalised form, see normaliseDnsValue), `mismatch` when answers exist but none does,
 * `missing` for NXDOMAIN/NODATA, `error` for anything else (SERVFAIL, refused, timeout) — a failed lookup
 * says nothing about the customer's zone. Never throws.
 *
 * @example
 * await lookupDnsRecord(new Resolver({ timeout: 3000, tries: 1 }), { type: 'MX', name: 'acme.com', value: '10 mail.dezky.net.', purpose: 'mx', domain: 'acme.com' }, new Date())
 * // { status: 'ok', found: ['10 mail.dezky.net'], checkedAt: '2026-…' }
 */
export async function lookupDnsRecord(resolver: Resolver, record: TDnsRecord, now: Date): Promise<TDnsRecordCheck> {
  const checkedAt = now.toISOString()
  const query = QUERIES[record.type]
  if (!query)
    return { status: 'unchecked', found: [], checkedAt: null }
  // RFC 6761 §6.4: `.invalid` names never exist, and resolvers should say so without asking anyone.
  if (/(?:^|\.)invalid$/.test(record.name))
    return { status: 'missing', found: [], checkedAt }
  let found: string[]
  try {
    found = await query(resolver, record.name)
  }
  catch (error) {
    const code = (error as { code?: string }).code ?? ''
    return {
      status: ABSENT.has(code)
        ? 'missing'
        : 'error',
      found: [],
      checkedAt,
    }
  }
  if (!found.length)
    return { status: 'missing', found, checkedAt }
  const expected = normaliseDnsValue(record.type, record.purpose, record.value)
  const ok = found.some(value => normaliseDnsValue(record.type, record.purpose, value) === expected)
  return {
    status: ok
      ? 'ok'
      : 'mismatch',
    found,
    checkedAt,
  }
}
