import type { TTenantRole } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, count, eq, ne } from 'drizzle-orm'
import { can } from '../auth/capabilities'
import { tenantMemberships } from '../db/schema'
import { forbidden, Problem } from '../http/problem'

/** Granting or taking away `owner` is for owners, the tenant's partner admins and operators only. */
export function assertMayTouchOwner(principal: Principal, tenant: { slug: string, partnerSlug: string | null }, roles: (TTenantRole | undefined)[]): void {
  if (!roles.includes('owner'))
    return
  const isOwner = principal.tenants.some(t => t.slug === tenant.slug && t.role === 'owner')
  if (!isOwner && !can(principal, 'tenant:manage', { tenantSlug: tenant.slug, partnerSlug: tenant.partnerSlug }))
    throw forbidden('Only an owner can grant or remove the owner role.')
}

/** A tenant always keeps one active owner: someone must be able to administer it. */
export async function assertNotLastOwner(db: Queryable, tenantId: string, userId: string): Promise<void> {
  const [others] = await db.select({
    n: count(),
  }).from(tenantMemberships).where(and(
    eq(tenantMemberships.tenantId, tenantId),
    eq(tenantMemberships.role, 'owner'),
    ne(tenantMemberships.userId, userId),
  ))
  if (!others || others.n === 0)
    throw new Problem(409, 'Last owner', { detail: 'A tenant needs at least one owner; make someone else owner first.' })
}
