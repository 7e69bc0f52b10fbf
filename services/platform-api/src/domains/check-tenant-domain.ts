import type { TTenantDomain } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { FieldChange } from '../db/schema'
import type { DomainConfig } from './domain-config'
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import { tenantDomains } from '../db/schema'
import { Problem } from '../http/problem'
import { domainRecordKey, expectedDomainRecords } from './expected-domain-records'
import { findMailRecords } from './find-mail-records'
import { getTenantDomainRow } from './get-tenant-domain'
import { resolveDomainRecords } from './resolve-domain-records'
import { toTenantDomain } from './to-tenant-domain'

/** A portal button pressed repeatedly must not turn into a stream of queries at the customer's DNS. */
export const CHECK_INTERVAL_SECONDS = 10

export interface CheckTenantDomainOptions {
  db: Queryable
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
 * results (`error`), never a failure of the check.
 */
export async function checkTenantDomain({ db, principal, slug, name, config, audit }: CheckTenantDomainOptions): Promise<TTenantDomain> {
  const { tenant, row } = await getTenantDomainRow({
    db,
    principal,
    slug,
    name,
    capability: 'domain:write',
    lock: 'domain',
  })
  // Claimed with the database's clock, under the row lock: a concurrent check waits, then sees this one.
  const [claimed] = await db.update(tenantDomains).set({ lastCheckedAt: sql`now()` }).where(and(
    eq(tenantDomains.id, row.id),
    or(isNull(tenantDomains.lastCheckedAt), lt(tenantDomains.lastCheckedAt, sql`now() - make_interval(secs => ${CHECK_INTERVAL_SECONDS})`)),
  )).returning({ id: tenantDomains.id })
  if (!claimed) {
    const wait = Math.max(1, Math.ceil((row.lastCheckedAt!.getTime() + CHECK_INTERVAL_SECONDS * 1000 - Date.now()) / 1000))
    throw new Problem(429, 'Checked too recently', {
      detail: `${name} was checked less than ${CHECK_INTERVAL_SECONDS} seconds ago; try again in ${wait} s.`,
      headers: {
        'retry-after': String(Math.min(wait, CHECK_INTERVAL_SECONDS)),
      },
    })
  }
  const mailRecords = await findMailRecords(db, tenant.id)
  const records = expectedDomainRecords({
    domain: row.name,
    verificationToken: row.verificationToken,
    mailRecords,
    mxHost: config.MAIL_MX_HOST,
  })
  const now = new Date()
  const checks = await resolveDomainRecords(records, { servers: config.DNS_SERVERS, timeoutMs: config.DNS_TIMEOUT_MS, now })
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
          before: row.lastCheckedAt?.toISOString() ?? null,
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
    tenantSlug: tenant.slug,
    changes,
  })
  return toTenantDomain(updated!, mailRecords, config.MAIL_MX_HOST)
}
