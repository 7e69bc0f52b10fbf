import type { UnleashContext } from '../types'
import { randomStickinessId } from './random-stickiness-id'
import { resolveContextValue } from './resolve-context-value'

/**
 * The id variant selection hashes. Unleash's `default` here also falls back to the remote address
 * (unlike rollouts), and a missing custom field falls back to random rather than to "no variant".
 */
export function resolveVariantSeed(stickiness: string, context: UnleashContext): string {
  if (stickiness !== 'default')
    return resolveContextValue(context, stickiness) || randomStickinessId()
  for (const field of ['userId', 'sessionId', 'remoteAddress'] as const) {
    const value = context[field]
    if (typeof value === 'string' && value !== '')
      return value
  }
  return randomStickinessId()
}
