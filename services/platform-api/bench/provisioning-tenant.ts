import type { Database } from '../src/db/client'
import type { StepName } from '../src/provisioning/step'
import type { StepResult } from '../src/provisioning/worker/finish-step'
import type { ProvisioningBenchEnv, RecordedCall } from './provisioning-env'
import pino from 'pino'
import { loadDesiredTenant } from '../src/provisioning/load-desired-tenant'
import { requestReconcile } from '../src/provisioning/request-reconcile'
import { STEP_NAMES } from '../src/provisioning/step'

/** Resolves when the in-process worker has finished every step of a tenant once since the call. */
export type FinishTracker = ReturnType<typeof createFinishTracker>

export function createFinishTracker() {
  const waiting = new Map<string, { steps: Set<StepName>, resolve: () => void }>()
  const doneAt = new Map<string, number>()
  const doneWaiters = new Map<string, (at: number) => void>()
  return {
    onFinished(row: { tenantId: string, step: StepName }, result: StepResult) {
      if (result.kind === 'outcome' && result.outcome.status === 'ok') {
        const key = `${row.tenantId}:${row.step}`
        doneAt.set(key, performance.now())
        doneWaiters.get(key)?.(doneAt.get(key)!)
      }
      const entry = waiting.get(row.tenantId)
      if (!entry)
        return
      if (result.kind !== 'outcome' || result.outcome.status === 'waiting')
        return
      entry.steps.delete(row.step)
      if (entry.steps.size === 0) {
        waiting.delete(row.tenantId)
        entry.resolve()
      }
    },
    /** When the step of the tenant first finished ok (`performance.now()`), even if that was before the call. */
    firstOk(tenantId: string, step: StepName): Promise<number> {
      const key = `${tenantId}:${step}`
      const at = doneAt.get(key)
      return at === undefined
        ? new Promise(resolve => doneWaiters.set(key, resolve))
        : Promise.resolve(at)
    },
    /** Settles when `steps` of the tenant each finished ok or skipped (their last run of this wait). */
    wait(tenantId: string, steps: readonly StepName[] = STEP_NAMES): Promise<void> {
      return new Promise(resolve => waiting.set(tenantId, {
        steps: new Set(steps),
        resolve,
      }))
    },
  }
}

/** Milliseconds of one whole reconcile of a tenant through the worker: the request until its last step finished. */
export async function timeReconcile(db: Database, tracker: FinishTracker, tenantId: string): Promise<number> {
  const started = performance.now()
  const done = tracker.wait(tenantId)
  await db.transaction(tx => requestReconcile(tx, tenantId))
  await done
  return performance.now() - started
}

const NO_WRITES = {
  signal: new AbortController().signal,
  logger: pino({ level: 'silent' }),
  recordWrite: async () => {
    throw new Error('a converged tenant must not be written to')
  },
}

/** Runs one step of a converged tenant directly (its desired state loaded first, untimed) and times the run. */
export async function timeStepRun(env: ProvisioningBenchEnv, db: Database, tenantId: string, step: StepName): Promise<number> {
  const desired = await loadDesiredTenant(db, tenantId, step)
  if (!desired)
    throw new Error(`no tenant ${tenantId}`)
  const started = performance.now()
  const outcome = await env.steps[step].run(desired, NO_WRITES)
  const ms = performance.now() - started
  if (outcome.status !== 'ok')
    throw new Error(`the ${step} step of a converged tenant answered ${outcome.status}`)
  return ms
}

/** The upstream calls each step makes in a no-op run of a converged tenant (all reads, by construction). */
export async function noOpCalls(env: ProvisioningBenchEnv, db: Database, tenantId: string): Promise<Record<StepName, RecordedCall[]>> {
  const byStep = {} as Record<StepName, RecordedCall[]>
  for (const step of STEP_NAMES) {
    env.clearCalls()
    await timeStepRun(env, db, tenantId, step)
    byStep[step] = env.calls()
  }
  env.clearCalls()
  return byStep
}
