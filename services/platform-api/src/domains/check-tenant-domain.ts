import type { TDnsRecord, TDnsRecordCheck, TTenantDomain } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { FieldChange, TenantDomainRow } from '../db/schema'
import type { DomainConfig } from './domain-config'
import type { ExpectedRecord } from './expected-domain-records'
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { tenantDomains } from '../db/schema'
import { conflict, Problem } from '../http/problem'
import { domainRecordKey, expectedDomainRecords } from './expected-domain-records'
import { findMailRecords } from './find-mail-records'
import { getTenantDomainRow } from './get-tenant-domain'
import { resolveDomainRecords } from './resolve-domain-records'
import { toTenantDomain } from './to-tenant-domain'

/** A portal button pressed repeatedly must not turn into a stream of queries at the customer's DNS. */
export const CHECK_INTERVAL_SECONDS = 10

export interface CheckTenantDomainOptions {
  /** The pool: the lookups take up to DNS_TIMEOUT_MS each, and no connection or lock is held meanwhile. */
  db: Queryable
  /** Opens the short transaction that stores the results with their audit entry. */
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>
  principal: Principal
  slug: string
  name: string
  config: DomainConfig
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Looks up every record the domain should have and stores each result; the first time the verification
 * TXT is found the domain becomes verified (audited as `domain.verify`, other checks as `domain.check`).
 * At most one check per domain every CHECK_INTERVAL_SECONDS (429 with Retry-After). Lookup failures are
 * results (`error`), never a failure of the check. The lookups run outside any transaction; the results
 * are stored by a short one that re-reads the row under lock (409 if the domain was replaced meanwhile).
 */
export async function checkTenantDomain({ db, transaction, principal, slug, name, config, audit }: CheckTenantDomainOptions): Promise<TTenantDomain> {
  const { tenant, row } = await getTenantDomainRow({
    db,
    principal,
    slug,
    name,
    capability: 'domain:write',
  })
  await claimCheck(db, row.id, name)
  const mailRecords = await findMailRecords(db, tenant.id)
  const records = expectedDomainRecords({
    domain: row.name,
    verificationToken: row.verificationToken,
    mailRecords,
    mxHost: config.MAIL_MX_HOST,
  })
  const now = new Date()
  const checks = await resolveDomainRecords(records, { servers: config.DNS_SERVERS, timeoutMs: config.DNS_TIMEOUT_MS, now })
  return transaction(async (tx) => {
    const { row: current } = await getTenantDomainRow({
      db: tx,
      principal,
      slug,
      name,
      capability: 'domain:write',
      lock: 'domain',
    })
    if (current.id !== row.id || current.verificationToken !== row.verificationToken)
      throw conflict(`${name} was removed and added again during the check; check it again.`)
    return storeCheck({
      db: tx,
      tenantSlug: tenant.slug,
      row: current,
      checkedBefore: row.lastCheckedAt,
      records,
      checks,
      now,
      mailRecords,
      mxHost: config.MAIL_MX_HOST,
      audit,
    })
  })
}

/**
 * Claims the check with the database's clock in one conditional update, committed at once: of concurrent
 * checks exactly one gets through, and no lookup starts without a claim. A check that fails after its
 * claim (the database went away) still counts against the interval.
 */
async function claimCheck(db: Queryable, id: string, name: string): Promise<void> {
  const [claimed] = await db.update(tenantDomains).set({ lastCheckedAt: sql`now()` }).where(and(
    eq(tenantDomains.id, id),
    or(isNull(tenantDomains.lastCheckedAt), lt(tenantDomains.lastCheckedAt, sql`now() - make_interval(secs => ${CHECK_INTERVAL_SECONDS})`)),
  )).returning({ id: tenantDomains.id })
  if (claimed)
    return
  const [latest] = await db.select({ seconds: sql<number>`extract(epoch from (${tenantDomains.lastCheckedAt} + make_interval(secs => ${CHECK_INTERVAL_SECONDS}) - now()))::float8` }).from(tenantDomains).where(eq(tenantDomains.id, id))
  const wait = Math.min(CHECK_INTERVAL_SECONDS, Math.max(1, Math.ceil(latest?.seconds ?? CHECK_INTERVAL_SECONDS)))
  throw new Problem(429, 'Checked too recently', {
    detail: `${name} was checked less than ${CHECK_INTERVAL_SECONDS} seconds ago; try again in ${wait} s.`,
    headers: {
      'retry-after': String(wait),
    },
  })
}

interface StoreCheckOptions {
  db: Queryable
  tenantSlug: string
  /** Re-read under lock. */
  row: TenantDomainRow
  /** When the previous check ran (the row now holds this check's claim). */
  checkedBefore: Date | null
  records: ExpectedRecord[]
  checks: Record<string, TDnsRecordCheck>
  now: Date
  mailRecords: TDnsRecord[]
  mxHost?: string
  audit: (entry: AuditInput) => Promise<void>
}

async function storeCheck({ db, tenantSlug, row, checkedBefore, records, checks, now, mailRecords, mxHost, audit }: StoreCheckOptions): Promise<TTenantDomain> {
  const verifiedNow = !row.verifiedAt && checks[domainRecordKey(records[0]!)]?.status === 'ok'
  const [updated] = await db.update(tenantDomains).set({
    checks,
    lastCheckedAt: now,
    ...(verifiedNow
      ? { verifiedAt: now }
      : {}),
  }).where(eq(tenantDomains.id, row.id)).returning()
  const changes: FieldChange[] = verifiedNow
    ? [
        {
          field: 'verifiedAt',
          before: null,
          after: now.toISOString(),
        },
      ]
    : [
        {
          field: 'lastCheckedAt',
          before: checkedBefore?.toISOString() ?? null,
          after: now.toISOString(),
        },
      ]
  for (const record of records) {
    const key = domainRecordKey(record)
    const before = row.checks[key]?.status ?? 'unchecked'
    if (before !== checks[key]!.status)
      changes.push({ field: `records.${record.purpose}.${record.type}.${record.name}`, before, after: checks[key]!.status })
  }
  await audit({
    action: verifiedNow
      ? 'domain.verify'
      : 'domain.check',
    targetType: 'domain',
    targetId: row.id,
    tenantSlug,
    changes,
  })
  return toTenantDomain(updated!, mailRecords, mxHost)
}
