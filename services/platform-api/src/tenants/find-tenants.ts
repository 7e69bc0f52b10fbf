import type { TPage, TTenant } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { CursorValue, SortDirection } from '../http/pagination'
import { ZTenantStatus } from '@dezky/contracts'
import { and, eq, ilike, or } from 'drizzle-orm'
import { z } from 'zod'
import { tenantScope } from '../auth/scope'
import { partners, tenants } from '../db/schema'
import { containsPattern } from '../http/contains-pattern'
import { keyset } from '../http/keyset'
import { ZCursorTimestamp } from '../http/pagination'
import { tenantColumns, toTenant } from './to-tenant'

export const TENANT_SORT_FIELDS = ['createdAt', 'name', 'slug', 'status'] as const

/** A cursor's sort value must have its column's type: status compares as the enum, not as text. */
const CURSOR_VALUES: Record<typeof TENANT_SORT_FIELDS[number], z.ZodType<CursorValue>> = {
  createdAt: ZCursorTimestamp,
  name: z.string(),
  slug: z.string(),
  status: ZTenantStatus,
}

export interface FindTenantsOptions {
  db: Queryable
  principal: Principal
  limit: number
  /** As issued in `nextCursor` for the same sort. */
  cursor?: string
  sort: { field: typeof TENANT_SORT_FIELDS[number], direction: SortDirection }
  status?: TTenant['status']
  plan?: TTenant['plan']
  partner?: string
  /** Matches slug or name, case-insensitively. */
  q?: string
}

/** The tenants visible to the caller, one keyset page at a time. */
export async function findTenants(options: FindTenantsOptions): Promise<TPage<TTenant>> {
  const { db, principal, limit, sort } = options
  const keys = keyset({
    column: tenants[sort.field],
    id: tenants.id,
    direction: sort.direction,
    cursor: options.cursor,
    cursorValue: CURSOR_VALUES[sort.field],
    limit,
  })
  const pattern = containsPattern(options.q)
  const rows = await db.select(tenantColumns).from(tenants).leftJoin(partners, eq(partners.id, tenants.partnerId)).where(and(
    tenantScope(principal, 'tenant:read'),
    options.status
      ? eq(tenants.status, options.status)
      : undefined,
    options.plan
      ? eq(tenants.plan, options.plan)
      : undefined,
    options.partner
      ? eq(partners.slug, options.partner)
      : undefined,
    pattern
      ? or(ilike(tenants.slug, pattern), ilike(tenants.name, pattern))
      : undefined,
    keys.where,
  )).orderBy(...keys.orderBy).limit(keys.limit)
  return keys.page(rows, row => row[sort.field], toTenant)
}
