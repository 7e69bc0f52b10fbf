import type { TPage, TProvisioningHealth, TProvisioningStepName, TTenant, TTenantSortField } from '@dezky/contracts'
import type { SQL } from 'drizzle-orm'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { CursorValue, SortDirection } from '../http/pagination'
import type { TenantWithPartner } from './to-tenant'
import { PLANS, TENANT_STATUSES } from '@dezky/contracts'
import { and, eq, ilike, isNotNull, isNull, ne, not, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { tenantScope } from '../auth/scope'
import { partners, tenants } from '../db/schema'
import { containsPattern } from '../http/contains-pattern'
import { keyset } from '../http/keyset'
import { ZCursorTimestamp } from '../http/pagination'
import { tenantColumns } from './to-tenant'

const CURSOR_VALUES: Record<TTenantSortField, z.ZodType<CursorValue>> = {
  createdAt: ZCursorTimestamp,
  name: z.string(),
  slug: z.string(),
  status: z.enum(TENANT_STATUSES),
  plan: z.enum(PLANS),
  users: z.int().nonnegative(),
}

// Sorting by it orders by the same subquery the page selects; Postgres evaluates it per candidate row.
const memberCount = sql<number>`(select count(*)::int from tenant_memberships m where m.tenant_id = ${tenants.id})`

// status and plan sort in their enums' declared order (lifecycle, plan size), not alphabetically.
const SORT_COLUMNS = {
  createdAt: tenants.createdAt,
  name: tenants.name,
  slug: tenants.slug,
  status: tenants.status,
  plan: tenants.plan,
  users: memberCount,
}

const inError = sql`exists (select 1 from provisioning_steps s where s.tenant_id = ${tenants.id} and s.status = 'error')`
const busy = sql`exists (select 1 from provisioning_steps s where s.tenant_id = ${tenants.id} and s.status in ('pending', 'running'))`

/** The same rule as {@link healthOf}, as a filter: a failed step outweighs work still under way. */
const HEALTH_FILTERS: Record<TProvisioningHealth, SQL> = {
  error: inError,
  pending: and(not(inError), busy)!,
  ok: and(not(inError), not(busy))!,
}

export interface TenantSummaryFilters {
  /** A partner's customers, by the partner's id (its visibility already checked) or slug. */
  partnerId?: string
  partner?: string
  /** `true`: only tenants without a partner; `false`: only a partner's. */
  direct?: boolean
  status?: TTenant['status']
  /** Leave out deleted tenants unless `status` asks for them. */
  hideDeleted?: boolean
  plan?: TTenant['plan']
  health?: TProvisioningHealth
  /** Matches slug or name, case-insensitively. */
  q?: string
}

export interface FindTenantSummariesOptions {
  db: Queryable
  principal: Principal
  limit: number
  /** As issued in `nextCursor` for the same sort; one issued for another sort is a 400. */
  cursor?: string
  sort: { field: TTenantSortField, direction: SortDirection }
  filters: TenantSummaryFilters
}

export type TenantSummaryRow = TenantWithPartner & {
  users: number
  health: TProvisioningHealth
  failingSteps: TProvisioningStepName[]
}

function healthOf(failing: TProvisioningStepName[], busy: boolean): TProvisioningHealth {
  if (failing.length > 0)
    return 'error'
  return busy
    ? 'pending'
    : 'ok'
}

function whereOf(filters: TenantSummaryFilters): (SQL | undefined)[] {
  const pattern = containsPattern(filters.q)
  return [
    filters.partnerId
      ? eq(tenants.partnerId, filters.partnerId)
      : undefined,
    filters.partner
      ? eq(partners.slug, filters.partner)
      : undefined,
    filters.direct === undefined
      ? undefined
      : filters.direct
        ? isNull(tenants.partnerId)
        : isNotNull(tenants.partnerId),
    filters.status
      ? eq(tenants.status, filters.status)
      : filters.hideDeleted
        ? ne(tenants.status, 'deleted')
        : undefined,
    filters.plan
      ? eq(tenants.plan, filters.plan)
      : undefined,
    filters.health
      ? HEALTH_FILTERS[filters.health]
      : undefined,
    pattern
      ? or(ilike(tenants.slug, pattern), ilike(tenants.name, pattern))
      : undefined,
  ]
}

/**
 * A page of the tenants visible to the caller in the given order (ties broken by id), each with its member
 * count and provisioning health, from one query per page (correlated subqueries on the memberships and step
 * rows; sorted by `users` or filtered by health, they run for every matching tenant, else for the page's
 * only): `error` when a step is in error, `pending` while one is due or running, else `ok`. The operator
 * listing (`GET /tenants`) and a partner's customers (`GET /partners/:slug/customers`) are both this query.
 */
export async function findTenantSummaries(options: FindTenantSummariesOptions): Promise<TPage<TenantSummaryRow>> {
  const { db, principal, limit, sort } = options
  const keys = keyset({
    column: SORT_COLUMNS[sort.field],
    id: tenants.id,
    direction: sort.direction,
    cursor: options.cursor,
    cursorValue: CURSOR_VALUES[sort.field],
    // name and slug (and every enum) cursors look alike: binding them to their sort makes a swapped one a 400.
    sort: `${sort.direction === 'desc'
      ? '-'
      : ''}${sort.field}`,
    limit,
  })
  const rows = await db.select({
    ...tenantColumns,
    users: memberCount,
    failing: sql<TProvisioningStepName[]>`(select coalesce(array_agg(s.step::text order by s.step), '{}') from provisioning_steps s
      where s.tenant_id = ${tenants.id} and s.status = 'error')`,
    busy: sql<boolean>`${busy}`,
  }).from(tenants).leftJoin(partners, eq(partners.id, tenants.partnerId)).where(and(
    tenantScope(principal, 'tenant:read'),
    ...whereOf(options.filters),
    keys.where,
  )).orderBy(...keys.orderBy).limit(keys.limit)
  return keys.page(rows, row => row[sort.field], ({ failing, busy, ...row }) => ({
    ...row,
    health: healthOf(failing, busy),
    failingSteps: failing,
  }))
}
