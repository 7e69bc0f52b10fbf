import type { StrategyCheck, StrategyParameters } from './strategy-check'
import { resolveStickinessId } from '../context/resolve-stickiness-id'
import { normalizedHash } from '../hash/normalized-hash'

/**
 * flexibleRollout: `rollout` % of the stickiness ids, hashed with `groupId` (the flag's name when
 * absent, so two flags at 50 % do not select the very same users).
 */
export function compileFlexibleRollout(parameters: StrategyParameters, featureName: string): StrategyCheck {
  const rollout = Number(parameters.rollout)
  const groupId = String(parameters.groupId || featureName)
  const stickiness = String(parameters.stickiness || 'default')
  if (!(rollout > 0))
    return () => false
  return (context) => {
    const id = resolveStickinessId(stickiness, context)
    return id !== undefined && normalizedHash(id, groupId) <= rollout
  }
}
