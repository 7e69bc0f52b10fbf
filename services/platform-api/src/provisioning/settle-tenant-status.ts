import type { Transaction } from '../db/client'
import { sql } from 'drizzle-orm'
import { writeAuditEntry } from '../audit/write-audit-entry'
import { RECONCILER_ACTOR } from './system-actor'

/**
 * Moves a tenant on once its steps are all done: `provisioning` → `active`, and an `offboarding`
 * tenant whose grace period ended → `deleted` once every step has run since it ended (removing it).
 * Runs in the finishing step's transaction, after it took the tenant's row lock.
 */
export async function settleTenantStatus(tx: Transaction, tenantId: string): Promise<'active' | 'deleted' | undefined> {
  const { rows } = await tx.execute<{ slug: string, before: string, after: 'active' | 'deleted' }>(sql`
    update tenants t set
      status = case when t.status = 'provisioning' then 'active'::tenant_status else 'deleted'::tenant_status end,
      updated_at = now()
     where t.id = ${tenantId}
       and (t.status = 'provisioning' or (t.status = 'offboarding' and t.offboard_after <= now()))
       and not exists (
         select 1 from provisioning_steps s
          where s.tenant_id = t.id
            and (s.status not in ('ok', 'skipped') or s.generation > s.run_generation
                 or (t.status = 'offboarding' and (s.last_reconciled_at is null or s.last_reconciled_at < t.offboard_after))))
    returning t.slug, (case when t.status = 'active' then 'provisioning' else 'offboarding' end) as before, t.status as after`)
  const changed = rows[0]
  if (!changed)
    return undefined
  // Nothing is left upstream to watch for drift: a deleted tenant's steps rest.
  if (changed.after === 'deleted')
    await tx.execute(sql`update provisioning_steps set next_attempt_at = null where tenant_id = ${tenantId}`)
  await writeAuditEntry(tx, RECONCILER_ACTOR, {
    action: changed.after === 'active'
      ? 'tenant.activate'
      : 'tenant.delete',
    targetType: 'tenant',
    targetId: tenantId,
    tenantSlug: changed.slug,
    changes: [
      { field: 'status', before: changed.before, after: changed.after },
    ],
  })
  return changed.after
}
