import type { TProvisioning } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { StepName } from './step'
import { getTenant } from '../tenants/get-tenant'
import { readProvisioning } from './get-provisioning'
import { requestReconcile } from './request-reconcile'
import { STEP_NAMES } from './step'

export interface ReconcileTenantOptions {
  db: Queryable
  principal: Principal
  slug: string
  /** One step (a retry); all steps when absent. */
  step?: StepName
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * An operator's "reconcile now" (or "retry this step"): the steps become due at once with their
 * attempts reset, and the next free worker runs them.
 */
export async function reconcileTenant({ db, principal, slug, step, audit }: ReconcileTenantOptions): Promise<TProvisioning> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'tenant:reconcile',
    forUpdate: true,
  })
  await requestReconcile(db, tenant.id, step
    ? {
        steps: [step],
      }
    : {})
  await audit({
    action: step
      ? 'provisioning.retry'
      : 'tenant.reconcile',
    targetType: 'tenant',
    targetId: tenant.id,
    tenantSlug: tenant.slug,
    changes: [
      {
        field: 'steps',
        before: null,
        after: step
          ? [step]
          : [...STEP_NAMES],
      },
    ],
  })
  return readProvisioning(db, tenant, principal)
}
