import type { UnleashContext } from '../types'

/**
 * A context field as Unleash reads it: a top-level field (userId, sessionId, …) first, else
 * `properties.<name>`; always a string, or undefined when absent or null (so `IN` compares strings).
 */
export function resolveContextValue(context: UnleashContext, field: string): string | undefined {
  const value = context[field] ?? context.properties?.[field]
  return value === undefined || value === null
    ? undefined
    : String(value)
}
