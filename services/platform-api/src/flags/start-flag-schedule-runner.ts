import type { Logger } from 'pino'
import type { Database } from '../db/client'
import { runDueFlagSchedules } from './run-due-flag-schedules'

export interface FlagScheduleRunner {
  /** Applies what is due now (tests); resolves when done. */
  tick: () => Promise<number>
  stop: () => Promise<void>
}

/**
 * Looks for due flag schedules every interval. Any number of API processes may run one: each schedule is
 * applied once (run-due-flag-schedules.ts). A schedule runs at most one interval after its time. The
 * timer is unref'd and `stop` waits for a run under way.
 */
export function startFlagScheduleRunner(options: { db: Database, logger: Logger, intervalMs: number }): FlagScheduleRunner {
  const { db, logger } = options
  let running: Promise<number> | undefined
  let stopped = false
  const tick = () => {
    running ??= runDueFlagSchedules(db, logger).catch((error) => {
      logger.warn({ err: (error as Error).message }, 'flag schedules could not be applied; trying again next interval')
      return 0
    }).finally(() => {
      running = undefined
    })
    return running
  }
  const timer = setInterval(() => {
    if (!stopped)
      void tick()
  }, options.intervalMs)
  timer.unref()
  return {
    tick,
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
