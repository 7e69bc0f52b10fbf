import type { StrategyCheck, StrategyParameters } from './strategy-check'
import { normalizedHash } from '../hash/normalized-hash'

/**
 * gradualRolloutUserId / gradualRolloutSessionId (Unleash's legacy rollouts): `percentage` of the ids of
 * that field, hashed with `groupId` (empty when absent, as Unleash does); no id → not in the rollout.
 */
export function compileGradualRollout(field: 'userId' | 'sessionId', parameters: StrategyParameters): StrategyCheck {
  const percentage = Number(parameters.percentage)
  const groupId = String(parameters.groupId ?? '')
  if (!(percentage > 0))
    return () => false
  return (context) => {
    const id = context[field]
    return typeof id === 'string' && id !== '' && normalizedHash(id, groupId) <= percentage
  }
}

/** gradualRolloutRandom: a fresh coin flip per evaluation. */
export function compileGradualRolloutRandom(parameters: StrategyParameters): StrategyCheck {
  const percentage = Number(parameters.percentage)
  return () => percentage >= Math.floor(Math.random() * 100) + 1
}
