import type { UnleashContext } from '../types'
import { randomStickinessId } from './random-stickiness-id'
import { resolveContextValue } from './resolve-context-value'

/**
 * The id a rollout hashes (Unleash's flexibleRollout): `default` is the user, else the session, else
 * random; `random` is random; any other name reads that context field (undefined → not in the rollout).
 */
export function resolveStickinessId(stickiness: string, context: UnleashContext): string | undefined {
  if (stickiness === 'default')
    return context.userId || context.sessionId || randomStickinessId()
  if (stickiness === 'random')
    return randomStickinessId()
  return resolveContextValue(context, stickiness)
}
