import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, count, eq, ne } from 'drizzle-orm'
import { can } from '../auth/capabilities'
import { tenantMemberships, users } from '../db/schema'
import { forbidden, Problem } from '../http/problem'

/**
 * Changing anything about an owner — granting or removing the role, disabling, renaming — is for the
 * tenant's owners, its partner admins and operators only; an admin cannot lock the owner out.
 */
export function assertMayTouchOwner(principal: Principal, tenant: { slug: string, partnerSlug: string | null }): void {
  const isOwner = principal.tenants.some(t => t.slug === tenant.slug && t.role === 'owner')
  if (!isOwner && !can(principal, 'tenant:manage', { tenantSlug: tenant.slug, partnerSlug: tenant.partnerSlug }))
    throw forbidden('Only an owner can change an owner or grant the owner role.')
}

/**
 * A tenant always keeps one active owner: someone must be able to administer it. Callers hold the
 * tenant row's lock (getTenant forUpdate), so two concurrent demotions cannot both pass this check.
 */
export async function assertNotLastOwner(db: Queryable, tenantId: string, userId: string): Promise<void> {
  const [others] = await db.select({
    n: count(),
  }).from(tenantMemberships).innerJoin(users, eq(users.id, tenantMemberships.userId)).where(and(
    eq(tenantMemberships.tenantId, tenantId),
    eq(tenantMemberships.role, 'owner'),
    eq(tenantMemberships.active, true),
    eq(users.active, true),
    ne(tenantMemberships.userId, userId),
  ))
  if (!others || others.n === 0)
    throw new Problem(409, 'Last owner', { detail: 'A tenant needs at least one active owner; make someone else owner first.' })
}

/**
 * A person's name is theirs across every tenant they belong to: one tenant's admins may only rename
 * someone who belongs to that tenant alone. Operators may always.
 */
export async function assertMayRename(db: Queryable, principal: Principal, tenantId: string, userId: string): Promise<void> {
  if (can(principal, 'tenant:manage'))
    return
  const [elsewhere] = await db.select({
    n: count(),
  }).from(tenantMemberships).where(and(eq(tenantMemberships.userId, userId), ne(tenantMemberships.tenantId, tenantId)))
  if (elsewhere && elsewhere.n > 0)
    throw forbidden('This person also belongs to other organisations; only they or an operator can change their name.')
}
