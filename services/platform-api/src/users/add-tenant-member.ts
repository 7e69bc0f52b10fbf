import type { TTenantMember, TTenantRole } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { sql } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { tenantMemberships, users } from '../db/schema'
import { conflict } from '../http/problem'
import { requestReconcile } from '../provisioning/request-reconcile'
import { getTenant } from '../tenants/get-tenant'
import { assertMayTouchOwner } from './member-rules'
import { toTenantMember } from './to-user'

export interface AddTenantMemberOptions {
  db: Queryable
  principal: Principal
  slug: string
  input: { email: string, name: string, role: TTenantRole }
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Adds a person to a tenant. The user row is found by email or created without a subject (it gets one at
 * first sign-in); the reconciler then makes the account real upstream.
 */
export async function addTenantMember({ db, principal, slug, input, audit }: AddTenantMemberOptions): Promise<TTenantMember> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'member:write',
  })
  if (input.role === 'owner')
    assertMayTouchOwner(principal, tenant)
  const [existing] = await db.select().from(users).where(sql`lower(${users.email}) = ${input.email}`)
  const [user] = existing
    ? [existing]
    : await db.insert(users).values({ email: input.email, name: input.name }).returning()
  const [membership] = await db.insert(tenantMemberships).values({
    tenantId: tenant.id,
    userId: user!.id,
    role: input.role,
    source: 'platform',
  }).onConflictDoNothing().returning()
  if (!membership)
    throw conflict(`${input.email} is already a member of "${slug}".`)
  await requestReconcile(db, tenant.id)
  const member = toTenantMember({ ...user!, role: membership.role })
  await audit({
    action: 'member.add',
    targetType: 'user',
    targetId: user!.id,
    tenantSlug: tenant.slug,
    changes: diffFields(null, { email: member.email, name: member.name, role: member.role }),
  })
  return member
}
