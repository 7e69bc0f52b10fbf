import type { CheckOutcome } from './check-outcome'
import type { ProbeDefinition } from './define-probes'
import { CheckFailure } from './check-outcome'
import { shortError } from './short-error'

/** Runs one configured probe's check under a deadline and measures it; never throws. */
export async function runCheck(probe: ProbeDefinition & { check: NonNullable<ProbeDefinition['check']> }, timeoutMs: number): Promise<CheckOutcome> {
  const started = performance.now()
  const latency = () => Math.round(performance.now() - started)
  try {
    await probe.check(AbortSignal.timeout(timeoutMs))
    return {
      ok: true,
      latencyMs: latency(),
      error: null,
      phase: null,
    }
  }
  catch (error) {
    return error instanceof CheckFailure
      ? {
          ok: false,
          latencyMs: latency(),
          error: error.message,
          phase: error.phase,
        }
      : {
          ok: false,
          latencyMs: latency(),
          error: shortError(error),
          phase: null,
        }
  }
}
