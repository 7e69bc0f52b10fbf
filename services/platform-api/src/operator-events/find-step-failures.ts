import type { TProvisioningFailedEvent, TProvisioningStepName } from '@dezky/contracts'
import type { Database } from '../db/client'
import { sql } from 'drizzle-orm'

export interface StepFailure extends TProvisioningFailedEvent {
  /** The step, across its attempts: `<tenant id>:<step>`. */
  key: string
  /**
   * Which failure this is: the step's generation and its count of failed attempts. A retry or a change
   * starts the count again in a new generation, so "attempt 1" of the retry is not taken for the one before.
   */
  mark: string
}

/**
 * A tenant's steps whose last attempt failed, touched since `since` (database time). finish-step.ts
 * stores a failed attempt as `error` with `attempts` + 1 and the error, and NOTIFYs the tenant's id; a
 * worker may claim the step again (now `running`, `attempts` and `last_error` kept) before this reads it,
 * so the count of failed attempts — not the status — tells one failure from the next.
 */
export async function findStepFailures(db: Database, tenantId: string, since: Date): Promise<StepFailure[]> {
  const { rows } = await db.execute<{ slug: string, step: TProvisioningStepName, generation: number, attempts: number, last_error: string, retrying: boolean, at: Date | string }>(sql`
    select t.slug, s.step, s.generation, s.attempts, s.last_error,
           (s.status <> 'error' or s.next_attempt_at is not null) as retrying,
           case when s.status = 'error' then s.updated_at else coalesce(s.last_started_at, s.updated_at) end as at
      from provisioning_steps s join tenants t on t.id = s.tenant_id
     where s.tenant_id = ${tenantId} and s.attempts > 0 and s.last_error is not null
       and s.updated_at >= ${since.toISOString()}::timestamptz`)
  return rows.map(row => ({
    key: `${tenantId}:${row.step}`,
    mark: `${row.generation}:${row.attempts}`,
    tenantSlug: row.slug,
    step: row.step,
    attempts: row.attempts,
    error: row.last_error.slice(0, 300),
    retrying: row.retrying,
    // Raw rows carry timestamps as text (drizzle turns off pg's date parsing).
    at: new Date(row.at).toISOString(),
  }))
}
