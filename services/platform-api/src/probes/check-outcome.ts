import type { TProbePhase } from '@dezky/contracts'

/** How one check of a dependency ended. */
export interface CheckOutcome {
  ok: boolean
  latencyMs: number
  error: string | null
  phase: TProbePhase | null
}

/** Thrown by a check to say where it stopped; the message is already short and free of secrets. */
export class CheckFailure extends Error {
  override name = 'CheckFailure'
  constructor(readonly phase: TProbePhase, message: string) {
    super(message)
  }
}
