import type { TProvisioningFailedEvent, TProvisioningStepName } from '@dezky/contracts'
import type { Database } from '../db/client'
import { sql } from 'drizzle-orm'

export interface StepFailure extends TProvisioningFailedEvent {
  /** Tells one failed attempt from the next (a step's row is updated by each). */
  key: string
}

/**
 * A tenant's steps whose latest attempt failed since `since` (database time). finish-step.ts stores
 * every failed attempt as `error` with a fresh `updated_at` and NOTIFYs the tenant's id on the
 * provisioning channel; this turns that bare notification into what an operator needs to read.
 */
export async function findStepFailures(db: Database, tenantId: string, since: Date): Promise<StepFailure[]> {
  const { rows } = await db.execute<{ slug: string, step: TProvisioningStepName, attempts: number, last_error: string | null, retrying: boolean, updated_at: Date | string }>(sql`
    select t.slug, s.step, s.attempts, s.last_error, s.next_attempt_at is not null as retrying, s.updated_at
      from provisioning_steps s join tenants t on t.id = s.tenant_id
     where s.tenant_id = ${tenantId} and s.status = 'error' and s.updated_at >= ${since.toISOString()}::timestamptz`)
  return rows.map(row => ({
    // Raw rows carry timestamps as text (drizzle turns off pg's date parsing); the text is the key.
    key: `${tenantId}:${row.step}:${String(row.updated_at)}`,
    tenantSlug: row.slug,
    step: row.step,
    attempts: row.attempts,
    error: (row.last_error ?? 'failed').slice(0, 300),
    retrying: row.retrying,
    at: new Date(row.updated_at).toISOString(),
  }))
}
