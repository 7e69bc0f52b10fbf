import type { Logger } from 'pino'
import type { Config } from '../../config'
import type { Database } from '../../db/client'
import type { Reconciler, ReconcilerOptions } from './start-reconciler'
import { createSteps } from '../create-steps'
import { startReconciler } from './start-reconciler'

/** A worker with the settings and upstreams of `config` (RECONCILER_*, AUTHENTIK_*, STALWART_*, …). */
export function reconcilerFromConfig(config: Config, db: Database, logger: Logger, overrides: Partial<ReconcilerOptions> = {}): Reconciler {
  return startReconciler({
    db,
    logger,
    steps: createSteps(config),
    concurrency: config.RECONCILER_CONCURRENCY,
    pollMs: config.RECONCILER_POLL_MS,
    leaseMs: config.RECONCILER_LEASE_SECONDS * 1000,
    resyncMs: config.RECONCILER_RESYNC_SECONDS * 1000,
    maxAttempts: config.RECONCILER_MAX_ATTEMPTS,
    backoff: { baseMs: config.RECONCILER_BACKOFF_BASE_MS, maxMs: config.RECONCILER_BACKOFF_MAX_MS },
    ...overrides,
  })
}
