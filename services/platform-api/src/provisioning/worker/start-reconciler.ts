import type { Logger } from 'pino'
import type { Database } from '../../db/client'
import type { ProvisioningStepRow } from '../../db/schema'
import type { ProvisioningStep, StepName } from '../step'
import type { BackoffOptions } from './backoff'
import type { StepResult } from './finish-step'
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import process from 'node:process'
import { listenChannel } from '../listen-channel'
import { RECONCILE_CHANNEL } from '../notify-provisioning'
import { claimDueSteps } from './claim-due-steps'
import { runClaimedStep } from './run-claimed-step'

export interface ReconcilerOptions {
  db: Database
  steps: Record<StepName, ProvisioningStep>
  logger: Logger
  /** Shown as the lease owner; unique per process. */
  workerId?: string
  /** Steps run at once by this worker. */
  concurrency?: number
  /** Longest wait between two looks for due work when no notification arrives. */
  pollMs?: number
  /** How long a claimed step stays this worker's without a heartbeat. */
  leaseMs?: number
  /** How long a converged step rests before the next drift check. */
  resyncMs?: number
  /** Failed attempts after which a step rests in `error` until retried. */
  maxAttempts?: number
  backoff?: BackoffOptions
  onFinished?: (row: ProvisioningStepRow, result: StepResult, ms: number) => void
}

export interface Reconciler {
  workerId: string
  /** Steps being run right now. */
  running: () => number
  /** Stops claiming, hands unfinished steps back, and resolves when every run has ended. */
  stop: () => Promise<void>
}

/**
 * Starts a reconciler worker in this process. Any number of workers, in any number of processes, may
 * share a database: they claim due steps with SKIP LOCKED, hold them by a lease they renew, and hear of
 * new work through LISTEN/NOTIFY (with polling as the fallback when a notification is missed).
 *
 * @example
 * const reconciler = startReconciler({ db, steps: createSteps(config), logger })
 * await reconciler.stop()
 */
export function startReconciler(options: ReconcilerOptions): Reconciler {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const concurrency = options.concurrency ?? 4
  const pollMs = options.pollMs ?? 1000
  const logger = options.logger.child({ component: 'reconciler', workerId })
  const shutdown = new AbortController()
  const inFlight = new Set<Promise<void>>()
  let wake: (() => void) | undefined
  // A notification that arrives while claiming must not be lost until the next poll.
  let woken = false
  const wakeUp = () => {
    woken = true
    wake?.()
  }

  const deps = {
    db: options.db,
    steps: options.steps,
    logger,
    workerId,
    leaseMs: options.leaseMs ?? 30_000,
    resyncMs: options.resyncMs ?? 600_000,
    maxAttempts: options.maxAttempts ?? 8,
    backoff: options.backoff ?? { baseMs: 1000, maxMs: 60_000 },
    shutdown: shutdown.signal,
    onFinished: options.onFinished,
  }

  async function loop() {
    while (!shutdown.signal.aborted) {
      const free = concurrency - inFlight.size
      let claimed: ProvisioningStepRow[] = []
      if (free > 0) {
        claimed = await claimDueSteps(options.db, { workerId, limit: free, leaseMs: deps.leaseMs }).catch((error) => {
          logger.warn({ err: (error as Error).message }, 'claiming due steps failed')
          return []
        })
      }
      for (const row of claimed) {
        const run = runClaimedStep(deps, row)
          .catch(error => logger.error({ err: error, step: row.step, tenantId: row.tenantId }, 'step run crashed'))
          .finally(() => {
            inFlight.delete(run)
            wakeUp()
          })
        inFlight.add(run)
      }
      if ((free > 0 && claimed.length === free) || woken) {
        woken = false
        continue
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs)
        wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      wake = undefined
      woken = false
    }
  }

  const listener = listenChannel({
    pool: options.db.$client,
    channel: RECONCILE_CHANNEL,
    onNotification: wakeUp,
    logger,
    retryMs: pollMs * 5,
  })
  const looping = loop()
  logger.info({ concurrency }, 'reconciler started')
  return {
    workerId,
    running: () => inFlight.size,
    async stop() {
      shutdown.abort()
      wakeUp()
      await looping
      await Promise.allSettled([...inFlight])
      await listener.close()
      logger.info('reconciler stopped')
    },
  }
}
