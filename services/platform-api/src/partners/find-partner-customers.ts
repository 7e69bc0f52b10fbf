import type { TCustomerSortField, TPage, TPartnerCustomer, TProvisioningHealth, TProvisioningStepName, TTenant } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { CursorValue, SortDirection } from '../http/pagination'
import { PLANS, TENANT_STATUSES } from '@dezky/contracts'
import { and, eq, ilike, ne, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { tenantScope } from '../auth/scope'
import { tenants } from '../db/schema'
import { containsPattern } from '../http/contains-pattern'
import { keyset } from '../http/keyset'
import { ZCursorTimestamp } from '../http/pagination'
import { getPartner } from './get-partner'

const CURSOR_VALUES: Record<TCustomerSortField, z.ZodType<CursorValue>> = {
  name: z.string(),
  createdAt: ZCursorTimestamp,
  status: z.enum(TENANT_STATUSES),
  plan: z.enum(PLANS),
  users: z.int().nonnegative(),
}

// Sorting by it orders by the same subquery the page selects; Postgres evaluates it per candidate row.
const memberCount = sql<number>`(select count(*)::int from tenant_memberships m where m.tenant_id = ${tenants.id})`

// status and plan sort in their enums' declared order (lifecycle, plan size), not alphabetically.
const SORT_COLUMNS = {
  name: tenants.name,
  createdAt: tenants.createdAt,
  status: tenants.status,
  plan: tenants.plan,
  users: memberCount,
}

export interface FindPartnerCustomersOptions {
  db: Queryable
  principal: Principal
  slug: string
  limit: number
  /** As issued in `nextCursor` for the same sort; one issued for another sort is a 400. */
  cursor?: string
  sort: { field: TCustomerSortField, direction: SortDirection }
  /** Without it, every customer but the deleted ones. */
  status?: TTenant['status']
  /** Matches slug or name, case-insensitively. */
  q?: string
}

function healthOf(failing: TProvisioningStepName[], busy: boolean): TProvisioningHealth {
  if (failing.length > 0)
    return 'error'
  return busy
    ? 'pending'
    : 'ok'
}

/**
 * A page of a partner's customers in the given order (ties broken by id), each with its member count and
 * provisioning health, all from one query per page (correlated subqueries on the memberships and step rows;
 * sorted by `users`, the count is taken for every matching customer, else for the page's only): `error` when
 * a step is in error, `pending` while one is due or running, else `ok`.
 */
export async function findPartnerCustomers(options: FindPartnerCustomersOptions): Promise<TPage<TPartnerCustomer>> {
  const { db, principal, limit, sort } = options
  const partner = await getPartner({ db, principal, slug: options.slug })
  const keys = keyset({
    column: SORT_COLUMNS[sort.field],
    id: tenants.id,
    direction: sort.direction,
    cursor: options.cursor,
    cursorValue: CURSOR_VALUES[sort.field],
    sort: `${sort.direction === 'desc'
      ? '-'
      : ''}${sort.field}`,
    limit,
  })
  const pattern = containsPattern(options.q)
  const rows = await db.select({
    id: tenants.id,
    slug: tenants.slug,
    name: tenants.name,
    status: tenants.status,
    plan: tenants.plan,
    createdAt: tenants.createdAt,
    users: memberCount,
    failing: sql<TProvisioningStepName[]>`(select coalesce(array_agg(s.step::text order by s.step), '{}') from provisioning_steps s
      where s.tenant_id = ${tenants.id} and s.status = 'error')`,
    busy: sql<boolean>`exists (select 1 from provisioning_steps s where s.tenant_id = ${tenants.id} and s.status in ('pending', 'running'))`,
  }).from(tenants).where(and(
    eq(tenants.partnerId, partner.id),
    tenantScope(principal, 'tenant:read'),
    options.status
      ? eq(tenants.status, options.status)
      : ne(tenants.status, 'deleted'),
    pattern
      ? or(ilike(tenants.slug, pattern), ilike(tenants.name, pattern))
      : undefined,
    keys.where,
  )).orderBy(...keys.orderBy).limit(keys.limit)
  return keys.page(rows, row => row[sort.field], row => ({
    slug: row.slug,
    name: row.name,
    status: row.status,
    plan: row.plan,
    users: row.users,
    health: healthOf(row.failing, row.busy),
    failingSteps: row.failing,
    createdAt: row.createdAt.toISOString(),
  }))
}
