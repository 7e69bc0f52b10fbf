import type { ProvisioningStepRow } from '../../db/schema'
import type { Metrics } from '../../system/metrics'
import type { StepResult } from './finish-step'

/** The reconciler's `onFinished` hook that counts runs and times them in the process's metrics. */
export function recordStepMetrics(metrics: Metrics) {
  return (row: ProvisioningStepRow, result: StepResult, ms: number) => {
    const outcome = result.kind === 'failure'
      ? (result.retryable ? 'retryable' : 'permanent')
      : result.outcome.status
    metrics.stepRuns.inc({ step: row.step, result: outcome })
    metrics.stepDuration.observe({ step: row.step }, ms / 1000)
  }
}
