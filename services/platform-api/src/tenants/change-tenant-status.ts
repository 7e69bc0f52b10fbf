import type { TTenant } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Capability } from '../auth/capabilities'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { TenantWithPartner } from './to-tenant'
import { eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { tenants } from '../db/schema'
import { conflict } from '../http/problem'
import { requestReconcile } from '../provisioning/request-reconcile'
import { getTenant } from './get-tenant'
import { toTenant } from './to-tenant'

export interface StatusChange {
  db: Queryable
  principal: Principal
  slug: string
  capability: Capability
  action: 'tenant.suspend' | 'tenant.resume' | 'tenant.offboard'
  /** Why the current status does not allow the change, or undefined when it does. */
  refuse: (current: TenantWithPartner, now: Date) => string | undefined
  next: Pick<TTenant, 'status'> & { statusReason: string | null, offboardAfter: Date | null }
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * The shared path of the lifecycle operations: lock the tenant, check the transition, store the new
 * status, and ask the reconciler to make the upstreams follow — in one transaction with its audit entry.
 */
export async function changeTenantStatus(change: StatusChange): Promise<TTenant> {
  const { db, principal, slug, capability } = change
  const current = await getTenant({
    db,
    principal,
    slug,
    capability,
    forUpdate: true,
  })
  const refusal = change.refuse(current, new Date())
  if (refusal)
    throw conflict(refusal)
  const [row] = await db.update(tenants).set({
    ...change.next,
    updatedAt: new Date(),
  }).where(eq(tenants.id, current.id)).returning()
  await requestReconcile(db, current.id)
  const before = toTenant(current)
  const after = toTenant({ ...row!, partnerSlug: current.partnerSlug })
  await change.audit({
    action: change.action,
    targetType: 'tenant',
    targetId: current.id,
    tenantSlug: current.slug,
    changes: diffFields(before, after),
  })
  return after
}
