import type { Database } from '../../db/client'
import type { StepName } from '../step'

/** Extends a lease this worker still holds; false when it was lost (expired and claimed by another). */
export async function renewLease(db: Database, key: { tenantId: string, step: StepName }, workerId: string, leaseMs: number): Promise<boolean> {
  const { rowCount } = await db.$client.query(`
    update provisioning_steps set lease_until = now() + make_interval(secs => $4::double precision / 1000)
     where tenant_id = $1 and step = $2 and lease_owner = $3 and status = 'running'`, [
    key.tenantId,
    key.step,
    workerId,
    leaseMs,
  ])
  return rowCount === 1
}
