import type { TTenantRole } from '@dezky/contracts'
import type { AuditActor } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable, Transaction } from '../db/client'
import { and, eq, inArray } from 'drizzle-orm'
import { writeAuditEntry } from '../audit/write-audit-entry'
import { tenantMemberships, tenants } from '../db/schema'
import { requestReconcile } from '../provisioning/request-reconcile'

export interface MembershipChange {
  tenantId: string
  slug: string
  before: TTenantRole | null
  after: TTenantRole | null
}

/**
 * What mirroring the token's tenant roles would change (reads only): a role gained or changed for a
 * tenant that exists, or an `idp` membership the claim no longer carries. A tenant where the user has a
 * membership granted through the API is the platform's to decide: no change there.
 */
export async function planIdpMembershipChanges(db: Queryable, principal: Principal, userId: string): Promise<MembershipChange[]> {
  const claimed = new Map(principal.tenants.map(t => [t.slug, t.role]))
  const known = claimed.size
    ? await db.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(inArray(tenants.slug, [
        ...claimed.keys(),
      ]))
    : []
  const held = await db.select({
    tenantId: tenantMemberships.tenantId,
    role: tenantMemberships.role,
    source: tenantMemberships.source,
    slug: tenants.slug,
  })
    .from(tenantMemberships)
    .innerJoin(tenants, eq(tenants.id, tenantMemberships.tenantId))
    .where(eq(tenantMemberships.userId, userId))
  const changes: MembershipChange[] = []
  for (const tenant of known) {
    const membership = held.find(h => h.tenantId === tenant.id)
    const after = claimed.get(tenant.slug)!
    if (membership?.source !== 'platform' && membership?.role !== after) {
      changes.push({
        tenantId: tenant.id,
        slug: tenant.slug,
        before: membership?.role ?? null,
        after,
      })
    }
  }
  for (const membership of held) {
    if (membership.source === 'idp' && !known.some(t => t.id === membership.tenantId)) {
      changes.push({
        tenantId: membership.tenantId,
        slug: membership.slug,
        before: membership.role,
        after: null,
      })
    }
  }
  return changes
}

/**
 * Mirrors the token's tenant roles into memberships with source `idp`, so lists of a tenant's people
 * include everyone who signed in. Memberships granted through the API (source `platform`) are left
 * alone. Each tenant whose membership changes gets an audit entry, so its admins see who gained or lost
 * access through the IdP.
 */
export async function mirrorIdpMemberships(tx: Transaction, principal: Principal, userId: string, actor: AuditActor): Promise<void> {
  const applied: Awaited<ReturnType<typeof planIdpMembershipChanges>> = []
  // Tenants are locked in one order (by id) so two sign-ins touching the same tenants cannot deadlock.
  const planned = (await planIdpMembershipChanges(tx, principal, userId)).sort((a, b) => a.tenantId.localeCompare(b.tenantId))
  for (const change of planned) {
    if (change.after) {
      const inserted = await tx.insert(tenantMemberships).values({
        tenantId: change.tenantId,
        userId,
        role: change.after,
        source: 'idp',
      }).onConflictDoUpdate({
        target: [tenantMemberships.tenantId, tenantMemberships.userId],
        set: { role: change.after },
        setWhere: eq(tenantMemberships.source, 'idp'),
      }).returning({ role: tenantMemberships.role })
      // Granted through the API between the plan and now: the platform's grant stands.
      if (!inserted.length)
        continue
    }
    else {
      await tx.delete(tenantMemberships).where(and(eq(tenantMemberships.tenantId, change.tenantId), eq(tenantMemberships.userId, userId), eq(tenantMemberships.source, 'idp')))
    }
    await requestReconcile(tx, change.tenantId)
    applied.push(change)
  }
  // The audit lock is taken last, after every tenant lock, in the order reconciler workers take them.
  for (const change of applied) {
    await writeAuditEntry(tx, actor, {
      action: 'member.sync',
      targetType: 'user',
      targetId: userId,
      tenantSlug: change.slug,
      changes: [
        { field: 'role', before: change.before, after: change.after },
      ],
    })
  }
}
