import type { TFlagDecision, TOfrepEvaluationSuccess, TOfrepReason } from '@dezky/contracts'
import type { FlagEvaluation } from '@dezky/flags'

/**
 * OFREP's reasons for Dezky's decisions. OFREP allows five (STATIC, TARGETING_MATCH, SPLIT, DISABLED,
 * UNKNOWN), not OpenFeature's DEFAULT: a flag held off by its parent reads DISABLED, and a targeted flag
 * no rule matched STATIC (its fallback, off); `metadata.decision` says exactly which.
 */
const REASONS: Record<TFlagDecision, TOfrepReason> = {
  killed: 'DISABLED',
  archived: 'DISABLED',
  override: 'TARGETING_MATCH',
  dependency: 'DISABLED',
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
      ? 'STATIC'
      : REASONS[evaluation.decision],
    variant: evaluation.variant?.name ?? (evaluation.value ? 'on' : 'off'),
    metadata,
  }
}
