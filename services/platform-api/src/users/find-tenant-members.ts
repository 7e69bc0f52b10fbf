import type { TPage, TTenantMember, TTenantMemberListItem } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { CursorValue, SortDirection } from '../http/pagination'
import { and, eq, ilike, or } from 'drizzle-orm'
import { z } from 'zod'
import { tenantMemberships, users } from '../db/schema'
import { containsPattern } from '../http/contains-pattern'
import { keyset } from '../http/keyset'
import { ZCursorTimestamp } from '../http/pagination'
import { getTenant } from '../tenants/get-tenant'
import { findMemberProvisioning } from './find-member-provisioning'
import { memberColumns } from './get-member'
import { toTenantMember } from './to-user'

export const MEMBER_SORT_FIELDS = ['email', 'name', 'createdAt'] as const

const CURSOR_VALUES: Record<typeof MEMBER_SORT_FIELDS[number], z.ZodType<CursorValue>> = {
  email: z.string(),
  name: z.string(),
  createdAt: ZCursorTimestamp,
}

export interface FindTenantMembersOptions {
  db: Queryable
  principal: Principal
  slug: string
  limit: number
  /** As issued in `nextCursor` for the same sort. */
  cursor?: string
  sort: { field: typeof MEMBER_SORT_FIELDS[number], direction: SortDirection }
  role?: TTenantMember['role']
  q?: string
}

/** A page of a tenant's people, each with whether their accounts exist upstream yet (one more query per page). */
export async function findTenantMembers(options: FindTenantMembersOptions): Promise<TPage<TTenantMemberListItem>> {
  const { db, principal, slug, limit, sort } = options
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'member:read',
  })
  const keys = keyset({
    column: users[sort.field],
    id: users.id,
    direction: sort.direction,
    cursor: options.cursor,
    cursorValue: CURSOR_VALUES[sort.field],
    // `name` and `email` cursors look alike: binding them to their sort order makes a swapped one a 400.
    sort: `${sort.direction === 'desc'
      ? '-'
      : ''}${sort.field}`,
    limit,
  })
  const pattern = containsPattern(options.q)
  const rows = await db.select(memberColumns).from(tenantMemberships).innerJoin(users, eq(users.id, tenantMemberships.userId)).where(and(
    eq(tenantMemberships.tenantId, tenant.id),
    options.role
      ? eq(tenantMemberships.role, options.role)
      : undefined,
    pattern
      ? or(ilike(users.email, pattern), ilike(users.name, pattern))
      : undefined,
    keys.where,
  )).orderBy(...keys.orderBy).limit(keys.limit)
  const page = keys.page(rows, row => row[sort.field], toTenantMember)
  const provisioning = await findMemberProvisioning(db, tenant, page.items.map(item => item.id))
  return {
    ...page,
    items: page.items.map(item => ({ ...item, provisioning: provisioning.get(item.id) ?? 'pending' })),
  }
}
