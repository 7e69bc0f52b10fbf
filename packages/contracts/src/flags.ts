import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZFlagDependency, ZFlagEnvironmentConfig, ZFlagEnvironmentKey, ZFlagKey, ZFlagState } from './flag-rules'

/**
 * Feature flags (issue 6). A flag is a boolean with optional variants; per environment it is off, on,
 * rolled out to a percentage, or targeted by Unleash-style strategies. Overrides per partner, tenant or
 * user beat the environment's rule (user > tenant > partner), and a kill switch beats everything.
 */

export const FLAG_TYPES = [
  'release',
  'experiment',
  'operational',
  'kill-switch',
  'permission',
] as const
export const ZFlagType = z.enum(FLAG_TYPES)
export type TFlagType = z.infer<typeof ZFlagType>

/**
 * How long a flag of each type is expected to live, in days (Unleash's defaults); null = permanent.
 * A flag past its lifetime is listed as stale.
 */
export const FLAG_LIFETIME_DAYS: Record<TFlagType, number | null> = {
  'release': 40,
  'experiment': 40,
  'operational': 7,
  'kill-switch': null,
  'permission': null,
}

/** A flag with no evaluation for this many days is listed as stale too (when it is older than that). */
export const FLAG_UNUSED_AFTER_DAYS = 30

export const FLAG_SCOPES = ['partner', 'tenant', 'user'] as const
export const ZFlagScope = z.enum(FLAG_SCOPES)
export type TFlagScope = z.infer<typeof ZFlagScope>

/** A partner or tenant slug, or a user's id. */
export const ZFlagScopeId = z.string().min(1).max(100)

/** Forces the flag on or off for one partner (its customers), tenant or user in one environment. */
export const ZFlagOverride = z.object({
  environment: ZFlagEnvironmentKey,
  scope: ZFlagScope,
  scopeId: ZFlagScopeId,
  value: z.boolean(),
  note: z.string().max(500).nullable(),
  updatedAt: ZDateTime,
})
export type TFlagOverride = z.infer<typeof ZFlagOverride>

export const ZFlagOverrideSet = z.object({
  value: z.boolean(),
  note: z.string().trim().max(500).optional(),
}).strict()

/** What a schedule changes when it runs: the state and, for `rollout`, the percentage. */
export const ZFlagScheduledChange = z.object({
  state: ZFlagState,
  rolloutPercent: z.number().int().min(0).max(100).optional(),
}).strict()
export type TFlagScheduledChange = z.infer<typeof ZFlagScheduledChange>

export const ZFlagSchedule = z.object({
  id: z.number().int(),
  environment: ZFlagEnvironmentKey,
  runAt: ZDateTime,
  change: ZFlagScheduledChange,
  createdAt: ZDateTime,
  createdBy: z.string().nullable(),
  /** Set once it ran (or was refused: `error`). */
  appliedAt: ZDateTime.nullable(),
  cancelledAt: ZDateTime.nullable(),
  error: z.string().nullable(),
})
export type TFlagSchedule = z.infer<typeof ZFlagSchedule>

export const ZFlagScheduleCreate = z.object({
  environment: ZFlagEnvironmentKey,
  runAt: ZDateTime,
  change: ZFlagScheduledChange,
}).strict()

export const ZFlagEnvironment = z.object({
  key: ZFlagEnvironmentKey,
  name: z.string(),
  /** The environment this API process evaluates OFREP requests in. */
  current: z.boolean(),
})
export type TFlagEnvironment = z.infer<typeof ZFlagEnvironment>

export const FLAG_STALE_REASONS = ['lifetime', 'unused'] as const
export const ZFlagStaleReason = z.enum(FLAG_STALE_REASONS)

export const ZFlagKill = z.object({
  killedAt: ZDateTime,
  killedBy: z.string().nullable(),
  reason: z.string(),
})

export const ZFlag = z.object({
  key: ZFlagKey,
  name: z.string(),
  description: z.string(),
  type: ZFlagType,
  tags: z.array(z.string()),
  dependencies: z.array(ZFlagDependency),
  /** Set while the kill switch is on: the flag is off everywhere, overrides included. */
  kill: ZFlagKill.nullable(),
  archivedAt: ZDateTime.nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
  /** Bumped on every change (config, override, kill, schedule run). */
  version: z.number().int(),
  /** Every environment's rule; an environment without a row is `off`. */
  environments: z.record(ZFlagEnvironmentKey, ZFlagEnvironmentConfig),
  overrides: z.array(ZFlagOverride),
  /** Pending schedules first, then the last ones that ran or were cancelled. */
  schedules: z.array(ZFlagSchedule),
  lastEvaluatedAt: ZDateTime.nullable(),
  stale: z.array(ZFlagStaleReason),
})
export type TFlag = z.infer<typeof ZFlag>

export const ZFlagListItem = ZFlag.pick({
  key: true,
  name: true,
  description: true,
  type: true,
  tags: true,
  kill: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  lastEvaluatedAt: true,
  stale: true,
}).extend({
  /** Each environment's state (environments without a rule are `off`). */
  states: z.record(ZFlagEnvironmentKey, ZFlagState),
  overrides: z.number().int(),
  pendingSchedules: z.number().int(),
})
export type TFlagListItem = z.infer<typeof ZFlagListItem>

const FLAG_FIELDS = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000),
  type: ZFlagType,
  tags: z.array(z.string().trim().min(1).max(50)).max(20),
  dependencies: z.array(ZFlagDependency).max(10),
}

export const ZFlagCreate = z.object({
  key: ZFlagKey,
  ...FLAG_FIELDS,
  description: FLAG_FIELDS.description.default(''),
  tags: FLAG_FIELDS.tags.default([]),
  dependencies: FLAG_FIELDS.dependencies.default([]),
}).strict()

/**
 * Only the fields sent change. Built from the fields without their create defaults: zod applies a
 * `.default()` even inside `.partial()`, so a PATCH of the name alone would have emptied tags and
 * dependencies.
 */
export const ZFlagUpdate = z.object(FLAG_FIELDS).partial().strict()

/** The kill switch and its undo both need a reason (kept in the audit entry). */
export const ZFlagKillRequest = z.object({
  reason: z.string().trim().min(3).max(500),
}).strict()
