import type { Database } from '../../db/client'
import type { ProvisioningStepRow } from '../../db/schema'

export interface ClaimOptions {
  workerId: string
  limit: number
  leaseMs: number
}

/**
 * Takes up to `limit` due steps for this worker: due (`next_attempt_at` passed) and not held by a live
 * lease. `SKIP LOCKED` lets several workers claim at once without waiting on or doubling each other; a
 * lease that ran out (its worker died) makes the step claimable again.
 */
export async function claimDueSteps(db: Database, options: ClaimOptions): Promise<ProvisioningStepRow[]> {
  const { rows } = await db.$client.query<Record<string, unknown>>(`
    update provisioning_steps s
       set status = 'running', lease_owner = $1, lease_until = now() + make_interval(secs => $3::double precision / 1000),
           run_generation = s.generation, last_started_at = now(), updated_at = now()
      from (select tenant_id, step from provisioning_steps
             where next_attempt_at <= now() and (lease_until is null or lease_until < now())
             order by next_attempt_at
             limit $2
             for update skip locked) due
     where s.tenant_id = due.tenant_id and s.step = due.step
    returning s.*`, [options.workerId, options.limit, options.leaseMs])
  return rows.map(fromRow)
}

// Raw rows come back snake_case (pg already parses timestamps and jsonb); the worker uses Drizzle's names.
function fromRow(row: Record<string, unknown>): ProvisioningStepRow {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [
    key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
    value,
  ])) as ProvisioningStepRow
}
