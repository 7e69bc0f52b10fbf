import type { TTenantMember, TTenantRole } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, eq, getTableColumns } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { tenantMemberships, users } from '../db/schema'
import { notFound } from '../http/problem'
import { getTenant } from '../tenants/get-tenant'
import { assertMayTouchOwner, assertNotLastOwner } from './member-rules'
import { toTenantMember } from './to-user'

export interface UpdateTenantMemberOptions {
  db: Queryable
  principal: Principal
  slug: string
  userId: string
  input: { name?: string, role?: TTenantRole, active?: boolean }
  audit: (entry: AuditInput) => Promise<void>
}

export async function updateTenantMember({ db, principal, slug, userId, input, audit }: UpdateTenantMemberOptions): Promise<TTenantMember> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'member:write',
  })
  const current = await getMember(db, tenant.id, userId)
  if (input.role && input.role !== current.role) {
    assertMayTouchOwner(principal, tenant, [input.role, current.role])
    if (current.role === 'owner')
      await assertNotLastOwner(db, tenant.id, userId)
  }
  if (input.role)
    await db.update(tenantMemberships).set({ role: input.role, source: 'platform' }).where(and(eq(tenantMemberships.tenantId, tenant.id), eq(tenantMemberships.userId, userId)))
  if (input.name !== undefined || input.active !== undefined) {
    await db.update(users).set({
      name: input.name,
      active: input.active,
      updatedAt: new Date(),
    }).where(eq(users.id, userId))
  }
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

export async function getMember(db: Queryable, tenantId: string, userId: string) {
  const [row] = await db.select({
    ...getTableColumns(users),
    role: tenantMemberships.role,
  }).from(tenantMemberships).innerJoin(users, eq(users.id, tenantMemberships.userId)).where(and(eq(tenantMemberships.tenantId, tenantId), eq(tenantMemberships.userId, userId))).for('update', { of: tenantMemberships })
  if (!row)
    throw notFound('Member', 'This user is not a member of the tenant.')
  return row
}
