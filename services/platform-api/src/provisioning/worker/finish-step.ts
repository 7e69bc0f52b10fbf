import type { Database } from '../../db/client'
import type { ProvisioningStepRow } from '../../db/schema'
import type { StepOutcome } from '../step'
import { sql } from 'drizzle-orm'
import { notifyProvisioning } from '../notify-provisioning'
import { settleTenantStatus } from '../settle-tenant-status'

export type StepResult
  = | { kind: 'outcome', outcome: StepOutcome }
    | { kind: 'failure', message: string, retryable: boolean, retryAfterMs?: number }

export interface FinishOptions {
  workerId: string
  /** When the next periodic resync of a converged step is due. */
  resyncAt: Date
  /** For a failure: when to try again (already backed off); undefined = rest in `error`. */
  retryAt?: Date
  /** Database time at which the run loaded the desired state. */
  loadedAt?: Date
}

/**
 * Stores how a run ended, if this worker still holds the step's lease (otherwise another worker owns
 * the step now and its result counts). A change requested during the run (a newer generation) leaves
 * the step due at once, whatever the outcome.
 */
export async function finishStep(db: Database, row: ProvisioningStepRow, result: StepResult, options: FinishOptions): Promise<boolean> {
  const now = new Date()
  const set = changesFor(row, result, options, now)
  return db.transaction(async (tx) => {
    // Finishers of one tenant take turns, so the last step to finish sees every other step's result and
    // moves the tenant on (two finishing at once would each miss the other's uncommitted update).
    await tx.execute(sql`select 1 from tenants where id = ${row.tenantId} for no key update`)
    const { rowCount } = await tx.execute(sql`
      update provisioning_steps set
        -- A change requested during the run is not applied yet: pending (and due) whatever the outcome.
        status = case when generation > run_generation then 'pending'::provisioning_status else ${set.status}::provisioning_status end,
        -- A change requested during the run starts the count again, as the request itself did.
        attempts = case when generation > run_generation then 0 else ${set.attempts}::int end, last_error = ${set.lastError}, detail = ${set.detail},
        next_attempt_at = case
          -- A deleted tenant has nothing left upstream to watch: its steps rest, whatever asked for a run.
          when ${set.status === 'ok' || set.status === 'skipped'} and (select status from tenants where id = provisioning_steps.tenant_id) = 'deleted' then null
          when generation > run_generation then now()
          -- A step waiting on others looks again at once if they are all done by now: under the tenant
          -- lock this sees every finisher that committed, and later finishers wake it themselves.
          when ${set.waitingFor.length > 0} and not exists (
            select 1 from provisioning_steps other
              join tenants t on t.id = other.tenant_id
             where other.tenant_id = provisioning_steps.tenant_id and other.step::text = any(${sql.param(set.waitingFor)}::text[])
               and (other.status not in ('ok', 'skipped') or other.generation > other.run_generation
                    -- during removal, "done" means done since the grace period ended (as removal-order.ts)
                    or (t.status = 'offboarding' and t.offboard_after <= now()
                        and (other.last_reconciled_at is null or other.last_reconciled_at < t.offboard_after)))) then now()
          else ${set.nextAttemptAt?.toISOString() ?? null}::timestamptz end,
        last_reconciled_at = coalesce(${set.reconciledAt?.toISOString() ?? null}::timestamptz, last_reconciled_at),
        observed = coalesce(${set.observed
          ? JSON.stringify(set.observed)
          : null}::jsonb, observed),
        outputs = coalesce(${set.outputs
          ? JSON.stringify(set.outputs)
          : null}::jsonb, outputs),
        lease_owner = null, lease_until = null, updated_at = now()
       where tenant_id = ${row.tenantId} and step = ${row.step} and lease_owner = ${options.workerId}`)
    if (rowCount !== 1)
      return false
    if (result.kind === 'outcome' && (result.outcome.status === 'ok' || result.outcome.status === 'skipped')) {
      // Steps waiting on this one (onboarding, identity during removal) are woken now, not at their next poll.
      await tx.execute(sql`update provisioning_steps set next_attempt_at = now()
        where tenant_id = ${row.tenantId} and step <> ${row.step} and status = 'pending' and next_attempt_at > now()`)
      await settleTenantStatus(tx, row.tenantId)
    }
    // Steps made due here (a waiting one woken) are news for every worker, not only this one.
    await notifyProvisioning(tx, row.tenantId, { wakeWorkers: result.kind === 'outcome' && result.outcome.status !== 'waiting' })
    return true
  })
}

function changesFor(row: ProvisioningStepRow, result: StepResult, options: FinishOptions, now: Date) {
  if (result.kind === 'failure') {
    return {
      status: 'error' as const,
      waitingFor: [] as string[],
      attempts: row.attempts + 1,
      // Text from upstreams may hold a NUL, which Postgres text refuses: the finish would fail for good.
      lastError: result.message.replaceAll('\u0000', '').slice(0, 2000),
      detail: null,
      nextAttemptAt: options.retryAt ?? null,
      reconciledAt: null,
      observed: undefined,
      outputs: undefined,
    }
  }
  const { outcome } = result
  if (outcome.status === 'waiting') {
    return {
      status: 'pending' as const,
      waitingFor: (outcome.waitingFor ?? []) as string[],
      attempts: row.attempts,
      lastError: null,
      detail: outcome.reason,
      nextAttemptAt: new Date(now.getTime() + outcome.retryInMs),
      reconciledAt: null,
      observed: outcome.observed,
      outputs: outcome.outputs,
    }
  }
  return {
    status: outcome.status,
    waitingFor: [] as string[],
    attempts: 0,
    lastError: null,
    detail: outcome.status === 'skipped'
      ? outcome.reason
      : null,
    nextAttemptAt: options.resyncAt,
    // When the run read the desired state (database time): what offboarding compares with its grace end.
    reconciledAt: options.loadedAt ?? now,
    observed: outcome.observed,
    outputs: outcome.outputs,
  }
}
