import type { Database } from '../../db/client'
import type { StepName } from '../step'

/**
 * Gives a step back unfinished (the worker is shutting down): due at once for another worker, with no
 * attempt counted — the run did not fail, it was interrupted.
 */
export async function releaseLease(db: Database, key: { tenantId: string, step: StepName }, workerId: string): Promise<void> {
  await db.$client.query(`
    update provisioning_steps set status = 'pending', lease_owner = null, lease_until = null, next_attempt_at = now(), updated_at = now()
     where tenant_id = $1 and step = $2 and lease_owner = $3`, [key.tenantId, key.step, workerId])
}
