import type { TPage, TUserMembership, TUserSearchItem, USER_SORT_FIELDS } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { CursorValue, SortDirection } from '../http/pagination'
import { and, getTableColumns, ilike, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { grantedSlugs } from '../auth/capabilities'
import { tenantScope } from '../auth/scope'
import { tenantMemberships, tenants, users } from '../db/schema'
import { containsPattern } from '../http/contains-pattern'
import { keyset } from '../http/keyset'
import { ZCursorTimestamp } from '../http/pagination'
import { toUser } from './to-user'

type UserSortField = typeof USER_SORT_FIELDS[number]

const CURSOR_VALUES: Record<UserSortField, z.ZodType<CursorValue>> = {
  email: z.string(),
  name: z.string(),
  createdAt: ZCursorTimestamp,
}

export interface FindUsersOptions {
  db: Queryable
  principal: Principal
  limit: number
  /** As issued in `nextCursor` for the same sort. */
  cursor?: string
  sort: { field: UserSortField, direction: SortDirection }
  /** Matches e-mail or name anywhere, case-insensitively. */
  q?: string
}

/**
 * People across tenants, one keyset page at a time, each with their memberships — all from one query per
 * page (the memberships are a correlated `json_agg`, not a query per user). Operators see everyone, people
 * without any tenant too; a partner's people see the users of their customers' tenants and only those
 * memberships; anyone else finds nobody (`user:search` grants no tenant role).
 */
export async function findUsers(options: FindUsersOptions): Promise<TPage<TUserSearchItem>> {
  const { db, principal, limit, sort } = options
  const scope = tenantScope(principal, 'user:search')
  const keys = keyset({
    column: users[sort.field],
    id: users.id,
    direction: sort.direction,
    cursor: options.cursor,
    cursorValue: CURSOR_VALUES[sort.field],
    sort: `${sort.direction === 'desc'
      ? '-'
      : ''}${sort.field}`,
    limit,
  })
  const visibleMemberships = sql`from ${tenantMemberships} join ${tenants} on ${tenants.id} = ${tenantMemberships.tenantId}
    where ${tenantMemberships.userId} = ${users.id} and ${scope}`
  const pattern = containsPattern(options.q)
  const rows = await db.select({
    ...getTableColumns(users),
    memberships: sql<TUserMembership[]>`(select coalesce(json_agg(json_build_object(
      'tenantSlug', ${tenants.slug}, 'tenantName', ${tenants.name}, 'role', ${tenantMemberships.role}, 'active', ${tenantMemberships.active}
    ) order by ${tenants.slug}), '[]'::json) ${visibleMemberships})`,
  }).from(users).where(and(
    grantedSlugs(principal, 'user:search').all
      ? undefined
      : sql`exists (select 1 ${visibleMemberships})`,
    pattern
      ? or(ilike(users.email, pattern), ilike(users.name, pattern))
      : undefined,
    keys.where,
  )).orderBy(...keys.orderBy).limit(keys.limit)
  return keys.page(rows, row => row[sort.field], ({ memberships, ...user }) => ({
    ...toUser(user),
    memberships,
  }))
}
