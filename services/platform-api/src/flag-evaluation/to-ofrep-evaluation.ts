import type { TFlagDecision, TOfrepEvaluationSuccess } from '@dezky/contracts'
import type { FlagEvaluation } from '@dezky/flags'

/** OpenFeature's reasons for Dezky's decisions. */
const REASONS: Record<TFlagDecision, string> = {
  killed: 'DISABLED',
  archived: 'DISABLED',
  override: 'TARGETING_MATCH',
  dependency: 'DEFAULT',
  off: 'STATIC',
  on: 'STATIC',
  rollout: 'SPLIT',
  targeted: 'TARGETING_MATCH',
}

/**
 * One flag's OFREP answer. The value is the flag's boolean; the variant is the Unleash variant's name when
 * the flag has variants, else `on` / `off`; its payload travels in metadata (`payload`, `payloadType`),
 * with why the flag has its value (`decision`, and for an override its scope) — no rule's content.
 */
export function toOfrepEvaluation(evaluation: FlagEvaluation, flagSetVersion: number): TOfrepEvaluationSuccess {
  const metadata: Record<string, string | number | boolean> = {
    decision: evaluation.decision,
    flagSetVersion,
  }
  if (evaluation.scope)
    metadata.scope = evaluation.scope
  if (evaluation.variant?.payload) {
    metadata.payload = evaluation.variant.payload.value
    metadata.payloadType = evaluation.variant.payload.type
  }
  return {
    key: evaluation.key,
    value: evaluation.value,
    reason: evaluation.decision === 'targeted' && evaluation.strategyIndex === null
      ? 'DEFAULT'
      : REASONS[evaluation.decision],
    variant: evaluation.variant?.name ?? (evaluation.value ? 'on' : 'off'),
    metadata,
  }
}
