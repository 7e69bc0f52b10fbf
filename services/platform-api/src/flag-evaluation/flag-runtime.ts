import type { Logger } from 'pino'
import type { Config } from '../config'
import type { Database } from '../db/client'
import type { CallerLookups } from './caller-lookups'
import type { EvaluationCounter } from './evaluation-counter'
import type { FlagCache } from './flag-cache'
import { createCallerLookups } from './caller-lookups'
import { createEvaluationCounter } from './evaluation-counter'
import { createFlagCache } from './flag-cache'
import { flagsEnvironmentOf } from './flag-config'

/** What evaluating flags needs in a process: the compiled flag set, the counts, the caller look-ups. */
export interface FlagRuntime {
  environment: string
  cache: FlagCache
  counter: EvaluationCounter
  lookups: CallerLookups
  close: () => Promise<void>
}

export function createFlagRuntime(db: Database, config: Config, logger: Logger): FlagRuntime {
  const environment = flagsEnvironmentOf(config)
  const cache = createFlagCache({
    db,
    logger,
    environment,
    pollMs: config.FLAG_CACHE_POLL_MS,
  })
  const counter = createEvaluationCounter({
    db,
    logger,
    environment,
    flushMs: config.FLAG_COUNTS_FLUSH_SECONDS * 1000,
  })
  return {
    environment,
    cache,
    counter,
    lookups: createCallerLookups(db),
    async close() {
      await cache.close()
      await counter.close()
    },
  }
}
