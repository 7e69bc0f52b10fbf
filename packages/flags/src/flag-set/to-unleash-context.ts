import type { FlagContext, UnleashContext } from '../types'

/**
 * Dezky's context as Unleash reads it. `tenant` and `partner` are written after the caller's properties
 * so a caller-sent `tenant` property can never impersonate another tenant in a constraint.
 */
export function toUnleashContext(context: FlagContext, environment: string): UnleashContext {
  return {
    userId: context.userId,
    sessionId: context.sessionId,
    remoteAddress: context.remoteAddress,
    currentTime: context.currentTime,
    environment,
    properties: { ...context.properties, tenant: context.tenant, partner: context.partner },
  }
}
