import type { Logger } from 'pino'
import type { TokenVerifier } from './auth/verify-token'
import type { Config } from './config'
import type { Database } from './db/client'
import type { FlagRuntime } from './flag-evaluation/flag-runtime'
import type { OperatorEvents } from './operator-events/operator-events'
import type { ProvisioningEvents } from './provisioning/provisioning-events'
import type { Metrics } from './system/metrics'

/** What the routes need from the process; built once in main.ts (or by a test) and passed to createApp. */
export interface AppDeps {
  config: Config
  db: Database
  verifyToken: TokenVerifier
  logger: Logger
  metrics: Metrics
  /** Provisioning changes from every worker, for the SSE streams. */
  provisioningEvents: ProvisioningEvents
  /** Probe changes and failed provisioning attempts, for the operators' event stream. */
  operatorEvents: OperatorEvents
  /** The compiled feature flags of this process's environment, their evaluation counts and caller look-ups. */
  flags: FlagRuntime
}
