import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZFlagEnvironmentKey, ZFlagKey } from './flag-rules'
import { ZFlagScope, ZFlagType } from './flags'
import { ZSlug } from './roles'

/** What evaluating flags answers: counts, explanations, change events (OFREP's own shapes are in ofrep.ts). */

/** `GET /flags/:key/evaluations`: counts per UTC hour, oldest first (hours without any omitted). */
export const ZFlagEvaluationCounts = z.object({
  key: ZFlagKey,
  environment: ZFlagEnvironmentKey,
  from: ZDateTime,
  to: ZDateTime,
  hours: z.array(z.object({
    hour: ZDateTime,
    /** Evaluations that returned true / false. */
    enabled: z.number().int().nonnegative(),
    disabled: z.number().int().nonnegative(),
  })),
})
export type TFlagEvaluationCounts = z.infer<typeof ZFlagEvaluationCounts>

/** Why a flag has the value it has (the tenant detail's Flags tab, and OFREP metadata). */
export const FLAG_DECISIONS = [
  'killed',
  'archived',
  'override',
  'dependency',
  'off',
  'on',
  'rollout',
  'targeted',
] as const
export const ZFlagDecision = z.enum(FLAG_DECISIONS)
export type TFlagDecision = z.infer<typeof ZFlagDecision>

export const ZFlagExplanation = z.object({
  key: ZFlagKey,
  name: z.string(),
  type: ZFlagType,
  value: z.boolean(),
  variant: z.string().nullable(),
  decision: ZFlagDecision,
  /** For `override`: which scope decided it. */
  scope: ZFlagScope.nullable(),
  scopeId: z.string().nullable(),
  /** For `targeted`: the index of the strategy that matched. For `rollout`: the bucket (1–100). */
  strategyIndex: z.number().int().nullable(),
  bucket: z.number().int().nullable(),
  /** For `dependency`: the parent flag that was not satisfied. */
  parent: ZFlagKey.nullable(),
})
export type TFlagExplanation = z.infer<typeof ZFlagExplanation>

/** `GET /tenants/:slug/flags`: every flag as the tenant (no particular user) sees it. */
export const ZTenantFlags = z.object({
  tenant: ZSlug,
  environment: ZFlagEnvironmentKey,
  items: z.array(ZFlagExplanation),
})
export type TTenantFlags = z.infer<typeof ZTenantFlags>

/** `event: flags.changed` on `GET /flags/events`: some flag changed; re-evaluate (the version only grows). */
export const ZFlagsChangedEvent = z.object({
  version: z.string(),
  keys: z.array(ZFlagKey),
})
export type TFlagsChangedEvent = z.infer<typeof ZFlagsChangedEvent>
