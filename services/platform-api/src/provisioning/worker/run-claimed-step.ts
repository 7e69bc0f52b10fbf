import type { Logger } from 'pino'
import type { Database } from '../../db/client'
import type { ProvisioningStepRow } from '../../db/schema'
import type { DesiredTenant, ProvisioningStep, StepName, StepOutcome } from '../step'
import type { BackoffOptions } from './backoff'
import type { StepResult } from './finish-step'
import { randomUUID } from 'node:crypto'
import { loadDesiredTenant } from '../load-desired-tenant'
import { createUpstreamWriteLog, unconfirmedWriteOf } from '../record-upstream-write'
import { isRetryable, UpstreamError } from '../upstream-error'
import { backoffDelay } from './backoff'
import { finishStep } from './finish-step'
import { releaseLease } from './release-lease'
import { waitForRemovalOrder } from './removal-order'
import { renewLease } from './renew-lease'

export interface StepRunnerDeps {
  db: Database
  steps: Record<StepName, ProvisioningStep>
  logger: Logger
  workerId: string
  leaseMs: number
  resyncMs: number
  maxAttempts: number
  backoff: BackoffOptions
  /** Aborted when the worker stops: the step is handed back rather than finished. */
  shutdown: AbortSignal
  onFinished?: (row: ProvisioningStepRow, result: StepResult, ms: number) => void
}

/**
 * Runs one claimed step: loads the desired state, runs the step while renewing the lease, then stores
 * the outcome (or the failure with its next retry) and moves the tenant on when every step is done.
 */
export async function runClaimedStep(deps: StepRunnerDeps, row: ProvisioningStepRow): Promise<void> {
  const { db, workerId } = deps
  const runId = randomUUID()
  const logger = deps.logger.child({ tenantId: row.tenantId, step: row.step, runId })
  const lost = new AbortController()
  const signal = AbortSignal.any([lost.signal, deps.shutdown])
  // If renewals keep failing (database unreachable), the lease runs out here too: stop before another
  // worker may have claimed the step, rather than run it twice at once.
  let leaseDeadline = Date.now() + deps.leaseMs
  const heartbeat = setInterval(() => {
    if (Date.now() >= leaseDeadline) {
      lost.abort(new Error('lease expired'))
      return
    }
    const renewing = Date.now()
    renewLease(db, row, workerId, deps.leaseMs).then((held) => {
      if (!held)
        lost.abort(new Error('lease lost'))
      else
        leaseDeadline = renewing + deps.leaseMs
    }, error => logger.warn({ err: (error as Error).message }, 'lease renewal failed'))
  }, Math.max(100, Math.floor(deps.leaseMs / 3)))
  const started = Date.now()
  let desired: DesiredTenant | undefined
  let result: StepResult
  try {
    desired = await loadDesiredTenant(db, row.tenantId, row.step)
    if (!desired)
      return
    const writes = createUpstreamWriteLog(db, desired.slug, runId, logger)
    let outcome: StepOutcome
    try {
      outcome = await waitForRemovalOrder(db, desired, row.step) ?? await deps.steps[row.step].run(desired, {
        signal,
        logger,
        recordWrite: writes.record,
      })
    }
    catch (error) {
      // The entries of the writes made before the failure are kept; the step's own error is reported.
      // A write whose answer was lost is audited as unconfirmed: the next run may find it applied and
      // adopt it without writing, which would otherwise leave the change with no entry at all.
      const unconfirmed = unconfirmedWriteOf(error)
      if (unconfirmed)
        await writes.record(unconfirmed).catch(() => {})
      await writes.flush().catch(() => {})
      throw error
    }
    // The writes happened whatever the audit log says: failing the run now would only repeat the ones that
    // are not idempotent (a welcome mail). The lost entries are logged at error level by the write log.
    await writes.flush().catch(() => {})
    result = { kind: 'outcome', outcome }
  }
  catch (error) {
    result = {
      kind: 'failure',
      message: (error as Error).message ?? String(error),
      retryable: isRetryable(error),
      retryAfterMs: error instanceof UpstreamError
        ? error.details.retryAfterMs
        : undefined,
    }
  }
  finally {
    clearInterval(heartbeat)
  }
  if (lost.signal.aborted) {
    logger.warn('lease lost during the run: another worker owns the step now')
    return
  }
  // Interrupted by shutdown: hand the step back. A run that completed anyway keeps its outcome (a welcome
  // mail already sent must not be sent again by the next worker).
  if (deps.shutdown.aborted && result.kind === 'failure') {
    await releaseLease(db, row, workerId)
    return
  }
  const ms = Date.now() - started
  try {
    await finishStep(db, row, result, {
      workerId,
      resyncAt: resyncAt(desired, deps.resyncMs),
      retryAt: retryAt(row, result, deps),
      loadedAt: desired?.loadedAt,
    })
  }
  catch (error) {
    // The step stays `running` until its lease runs out, then runs again: nothing is lost.
    logger.error({ err: (error as Error).message }, 'storing the outcome failed')
    return
  }
  deps.onFinished?.(row, result, ms)
  if (result.kind === 'failure')
    logger.warn({ err: result.message, retryable: result.retryable, attempts: row.attempts + 1 }, 'step failed')
}

/**
 * When a failed step runs again: after a backoff while attempts remain; once they are spent, a retryable
 * failure rests in `error` until the next periodic resync (an outage longer than the backoff heals by
 * itself), a permanent one until someone retries or changes the tenant.
 */
function retryAt(row: ProvisioningStepRow, result: StepResult, deps: StepRunnerDeps): Date | undefined {
  if (result.kind !== 'failure' || !result.retryable)
    return undefined
  if (row.attempts + 1 >= deps.maxAttempts)
    return new Date(Date.now() + deps.resyncMs)
  return new Date(Date.now() + backoffDelay(row.attempts + 1, deps.backoff, result.retryAfterMs))
}

function resyncAt(desired: DesiredTenant | undefined, resyncMs: number): Date {
  const resync = new Date(Date.now() + resyncMs)
  const graceEnds = desired?.offboardAfter
  // A run that read the desired state before the grace period ended applied `suspended`: it must run
  // again when the period ends (at once if it already has), not at the next resync.
  return graceEnds && desired?.loadedAt && desired.loadedAt < graceEnds && graceEnds < resync
    ? graceEnds
    : resync
}
