import type { TTenantRole } from '@dezky/contracts'
import type { AuditActor } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Transaction } from '../db/client'
import { and, eq, inArray } from 'drizzle-orm'
import { writeAuditEntry } from '../audit/write-audit-entry'
import { tenantMemberships, tenants } from '../db/schema'

/**
 * Mirrors the tenant roles of the token's `groups` claim into memberships with source `idp`, so lists of a
 * tenant's people include everyone who signed in. Memberships granted through the API (source
 * `platform`) are left alone. Each tenant whose membership changes gets an audit entry, so its admins
 * see who gained or lost access through the IdP.
 */
export async function mirrorIdpMemberships(tx: Transaction, principal: Principal, userId: string, actor: AuditActor): Promise<void> {
  const claimed = new Map(principal.tenants.map(t => [t.slug, t.role]))
  const known = claimed.size
    ? await tx.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(inArray(tenants.slug, [
        ...claimed.keys(),
      ]))
    : []
  const held = await tx.select({ tenantId: tenantMemberships.tenantId, role: tenantMemberships.role, slug: tenants.slug })
    .from(tenantMemberships)
    .innerJoin(tenants, eq(tenants.id, tenantMemberships.tenantId))
    .where(and(eq(tenantMemberships.userId, userId), eq(tenantMemberships.source, 'idp')))
  const changes: { tenantId: string, slug: string, before: TTenantRole | null, after: TTenantRole | null }[] = []
  for (const tenant of known) {
    const before = held.find(h => h.tenantId === tenant.id)?.role ?? null
    const after = claimed.get(tenant.slug)!
    if (before !== after) {
      changes.push({
        tenantId: tenant.id,
        slug: tenant.slug,
        before,
        after,
      })
    }
  }
  for (const membership of held) {
    if (!known.some(t => t.id === membership.tenantId)) {
      changes.push({
        tenantId: membership.tenantId,
        slug: membership.slug,
        before: membership.role,
        after: null,
      })
    }
  }
  for (const change of changes) {
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
      // A membership granted through the API already exists: the platform's grant stands.
      if (!inserted.length)
        continue
    }
    else {
      await tx.delete(tenantMemberships).where(and(eq(tenantMemberships.tenantId, change.tenantId), eq(tenantMemberships.userId, userId), eq(tenantMemberships.source, 'idp')))
    }
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
