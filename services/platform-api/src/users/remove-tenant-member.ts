import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { tenantMemberships } from '../db/schema'
import { requestReconcile } from '../provisioning/request-reconcile'
import { getTenant } from '../tenants/get-tenant'
import { getMember } from './get-member'
import { assertMayTouchOwner, assertNotLastOwner } from './member-rules'

export interface RemoveTenantMemberOptions {
  db: Queryable
  principal: Principal
  slug: string
  userId: string
  audit: (entry: AuditInput) => Promise<void>
}

/** Takes a person out of a tenant; their user row stays (they may belong to other tenants). */
export async function removeTenantMember({ db, principal, slug, userId, audit }: RemoveTenantMemberOptions): Promise<void> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'member:write',
    forUpdate: true,
  })
  const current = await getMember(db, tenant.id, userId)
  if (current.role === 'owner') {
    assertMayTouchOwner(principal, tenant)
    await assertNotLastOwner(db, tenant.id, userId)
  }
  await db.delete(tenantMemberships).where(and(eq(tenantMemberships.tenantId, tenant.id), eq(tenantMemberships.userId, userId)))
  await requestReconcile(db, tenant.id)
  await audit({
    action: 'member.remove',
    targetType: 'user',
    targetId: userId,
    tenantSlug: tenant.slug,
    changes: diffFields({ email: current.email, role: current.role }, null),
  })
}
