import type { Logger } from 'pino'
import type { Database } from '../db/client'
import type { ProbeDefinition } from './define-probes'
import { randomUUID } from 'node:crypto'
import { claimProbeRound } from './claim-probe-round'
import { pruneProbeResults } from './prune-probe-results'
import { recordProbeResult } from './record-probe-result'
import { runCheck } from './run-check'

export interface ProbeRunnerOptions {
  db: Database
  logger: Logger
  probes: ProbeDefinition[]
  intervalMs: number
  timeoutMs: number
  retentionDays: number
}

export interface ProbeRunner {
  /** Runs a round now if this process can claim it (tests); resolves when it is done. */
  tick: () => Promise<void>
  stop: () => Promise<void>
}

/**
 * Probes every configured dependency once per interval, shared by all API processes: each process
 * tries to claim the round when it falls due (claim-probe-round.ts), and only the claimer probes, records
 * and prunes. Timers are unref'd, so the runner never keeps a process alive; `stop` waits for a round
 * under way.
 */
export function startProbeRunner(options: ProbeRunnerOptions): ProbeRunner {
  const { db, logger, intervalMs } = options
  const owner = `${process.pid}-${randomUUID().slice(0, 8)}`
  const configured = options.probes.filter((probe): probe is ProbeDefinition & { check: NonNullable<ProbeDefinition['check']> } => !!probe.check)
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined

  async function round(): Promise<number> {
    const claimedAt = Date.now()
    const claim = await claimProbeRound(db, owner, intervalMs)
    if (!claim.claimed)
      return claim.waitMs
    await Promise.all(configured.map(async (probe) => {
      const outcome = await runCheck(probe, options.timeoutMs)
      const { changed } = await db.transaction(tx => recordProbeResult(tx, probe.name, outcome))
      if (changed)
        logger.warn({ probe: probe.name, ok: outcome.ok, error: outcome.error }, outcome.ok ? 'probe recovered' : 'probe failed')
    }))
    await pruneProbeResults(db, options.retentionDays)
    // The next round falls due an interval after this claim, however long this round took.
    return Math.max(0, intervalMs - (Date.now() - claimedAt))
  }

  const tick = async () => {
    running ??= round().then(
      wait => schedule(wait),
      (error: Error) => {
        logger.warn({ err: error.message }, 'probe round failed; trying again')
        schedule(Math.min(intervalMs, 5000))
      },
    ).finally(() => {
      running = undefined
    })
    await running
  }
  function schedule(waitMs: number) {
    if (stopped)
      return
    clearTimeout(timer)
    // A little spread so processes whose rounds fall due together do not all query at the same instant.
    timer = setTimeout(() => void tick(), waitMs + Math.round(Math.random() * 50))
    timer.unref()
  }

  schedule(0)
  return {
    tick,
    async stop() {
      stopped = true
      clearTimeout(timer)
      await running
    },
  }
}
