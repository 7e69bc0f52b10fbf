import type { TAuditEntry, TPage } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { AuditRow } from '../db/schema'
import { and, desc, eq, gte, like, lt } from 'drizzle-orm'
import { z } from 'zod'
import { auditLog } from '../db/schema'
import { escapeLike } from '../http/contains-pattern'
import { encodeCursor, parseCursor, toPage } from '../http/pagination'
import { auditScope } from './audit-scope'
import { toAuditEntry } from './to-audit-entry'

export interface AuditFilters {
  tenant?: string
  actor?: string
  /** Exact action, or a prefix ending in `.` / `*` (e.g. `tenant.*`). */
  action?: string
  from?: string
  to?: string
  /** One kind of object (`flag`), or with `targetId` one object's history (a flag's key). */
  targetType?: string
  targetId?: string
}

export interface FindAuditEntriesOptions extends AuditFilters {
  db: Queryable
  principal: Principal
  limit: number
  /** As issued in `nextCursor`: the page continues below the seq it carries (newest first). */
  cursor?: string
}

/** `seq` is a bigint read as a JS number: anything past 2^53 or fractional cannot be one. */
const ZSeq = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

export function auditWhere(principal: Principal, filters: AuditFilters, beforeSeq?: number) {
  const action = filters.action?.endsWith('*')
    ? like(auditLog.action, `${escapeLike(filters.action.slice(0, -1))}%`)
    : filters.action
      ? eq(auditLog.action, filters.action)
      : undefined
  return and(
    auditScope(principal),
    filters.tenant
      ? eq(auditLog.tenantSlug, filters.tenant)
      : undefined,
    filters.actor
      ? eq(auditLog.actorSubject, filters.actor)
      : undefined,
    action,
    filters.targetType
      ? eq(auditLog.targetType, filters.targetType)
      : undefined,
    filters.targetId
      ? eq(auditLog.targetId, filters.targetId)
      : undefined,
    filters.from
      ? gte(auditLog.at, new Date(filters.from))
      : undefined,
    filters.to
      ? lt(auditLog.at, new Date(filters.to))
      : undefined,
    beforeSeq !== undefined
      ? lt(auditLog.seq, beforeSeq)
      : undefined,
  )
}

/** Audit entries the caller may read, newest first. */
export async function findAuditEntries({ db, principal, limit, cursor, ...filters }: FindAuditEntriesOptions): Promise<TPage<TAuditEntry>> {
  // The cursor carries the seq twice, in the (sort value, id) shape every list's cursor has.
  const beforeSeq = parseCursor(cursor, { value: ZSeq, id: ZSeq })?.[1]
  const rows: AuditRow[] = await db.select().from(auditLog).where(auditWhere(principal, filters, beforeSeq)).orderBy(desc(auditLog.seq)).limit(limit + 1)
  const page = toPage(rows, limit, row => encodeCursor(row.seq, row.seq))
  return {
    items: page.items.map(row => toAuditEntry(row, principal)),
    nextCursor: page.nextCursor,
  }
}
