import type { Logger } from 'pino'
import type { Config } from '../config'
import type { Database } from '../db/client'
import type { ProbeRunner } from './start-probe-runner'
import { defineProbes } from './define-probes'
import { startProbeRunner } from './start-probe-runner'

/** The prober with the settings of `config` (PROBE_*) and a probe for every configured dependency. */
export function probeRunnerFromConfig(config: Config, db: Database, logger: Logger): ProbeRunner {
  return startProbeRunner({
    db,
    logger,
    probes: defineProbes(config, db),
    intervalMs: config.PROBE_INTERVAL_SECONDS * 1000,
    timeoutMs: config.PROBE_TIMEOUT_MS,
    retentionDays: config.PROBE_RETENTION_DAYS,
  })
}
