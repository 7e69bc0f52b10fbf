import type { TTenantMember, TTenantRole } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { tenantMemberships, users } from '../db/schema'
import { requestReconcile } from '../provisioning/request-reconcile'
import { getTenant } from '../tenants/get-tenant'
import { getMember } from './get-member'
import { assertMayRename, assertMayTouchOwner, assertNotLastOwner } from './member-rules'
import { toTenantMember } from './to-user'

export interface UpdateTenantMemberOptions {
  db: Queryable
  principal: Principal
  slug: string
  userId: string
  input: { name?: string, role?: TTenantRole, active?: boolean }
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Changes a member's role or whether they are active in this tenant (both per membership), or their name
 * (on the person, see assertMayRename). The tenant row is locked so owner rules hold under concurrency.
 */
export async function updateTenantMember({ db, principal, slug, userId, input, audit }: UpdateTenantMemberOptions): Promise<TTenantMember> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'member:write',
    forUpdate: true,
  })
  const current = await getMember(db, tenant.id, userId)
  const roleChanges = input.role !== undefined && input.role !== current.role
  const disables = input.active === false && current.membershipActive
  if (current.role === 'owner' || input.role === 'owner')
    assertMayTouchOwner(principal, tenant)
  if (current.role === 'owner' && (roleChanges || disables))
    await assertNotLastOwner(db, tenant.id, userId)
  if (input.name !== undefined && input.name !== current.name)
    await assertMayRename(db, principal, tenant.id, userId)

  if (roleChanges || input.active !== undefined) {
    await db.update(tenantMemberships).set({
      ...(roleChanges
        ? { role: input.role, source: 'platform' as const }
        : {}),
      ...(input.active !== undefined
        ? { active: input.active }
        : {}),
    }).where(and(eq(tenantMemberships.tenantId, tenant.id), eq(tenantMemberships.userId, userId)))
  }
  if (input.name !== undefined && input.name !== current.name) {
    await db.update(users).set({
      name: input.name,
      updatedAt: new Date(),
    }).where(eq(users.id, userId))
  }
  await requestReconcile(db, tenant.id)
  const updated = await getMember(db, tenant.id, userId)
  await audit({
    action: 'member.update',
    targetType: 'user',
    targetId: userId,
    tenantSlug: tenant.slug,
    changes: diffFields(toTenantMember(current), toTenantMember(updated), ['updatedAt', 'createdAt', 'lastLoginAt']),
  })
  return toTenantMember(updated)
}
