import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZSlug } from './roles'

/**
 * Feature flags (issue 6). A flag is a boolean with optional variants; per environment it is off, on,
 * rolled out to a percentage, or targeted by Unleash-style strategies. Overrides per partner, tenant or
 * user beat the environment's rule (user > tenant > partner), and a kill switch beats everything.
 */

/** A flag key: lower case, dots, dashes and underscores between words (`portal.usage-card`). */
export const ZFlagKey = z.string().min(2).max(100).regex(/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/, 'Use lower-case letters and digits, with . - or _ between words.')
export type TFlagKey = z.infer<typeof ZFlagKey>

/** An environment key (`development`, `staging`, `production`). */
export const ZFlagEnvironmentKey = z.string().min(2).max(40).regex(/^[a-z][a-z0-9-]*$/, 'Use lower-case letters, digits and dashes.')

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

export const FLAG_STATES = ['off', 'on', 'rollout', 'targeted'] as const
export const ZFlagState = z.enum(FLAG_STATES)
export type TFlagState = z.infer<typeof ZFlagState>

/** Constraint operators, with Unleash's names and semantics (REGEX and IN_CIDR included). */
export const CONSTRAINT_OPERATORS = [
  'IN',
  'NOT_IN',
  'STR_CONTAINS',
  'STR_STARTS_WITH',
  'STR_ENDS_WITH',
  'NUM_EQ',
  'NUM_GT',
  'NUM_GTE',
  'NUM_LT',
  'NUM_LTE',
  'DATE_AFTER',
  'DATE_BEFORE',
  'SEMVER_EQ',
  'SEMVER_GT',
  'SEMVER_GTE',
  'SEMVER_LT',
  'SEMVER_LTE',
  'REGEX',
  'IN_CIDR',
] as const
export const ZConstraintOperator = z.enum(CONSTRAINT_OPERATORS)
export type TConstraintOperator = z.infer<typeof ZConstraintOperator>

/**
 * The context fields a constraint or stickiness can name. `userId`, `tenant` and `partner` come from the
 * signed-in principal (the caller cannot choose them); the rest from what the caller sends. Any other
 * name reads `properties.<name>`.
 */
export const FLAG_CONTEXT_FIELDS = [
  'userId',
  'tenant',
  'partner',
  'email',
  'role',
  'plan',
  'environment',
  'appName',
  'sessionId',
  'remoteAddress',
  'currentTime',
] as const

export const ZFlagConstraint = z.object({
  contextName: z.string().min(1).max(100),
  operator: ZConstraintOperator,
  /** For list operators (IN, STR_*, IN_CIDR, REGEX reads `value`). */
  values: z.array(z.string().max(500)).max(1000).default([]),
  /** For single-value operators (NUM_*, DATE_*, SEMVER_*, REGEX). */
  value: z.string().max(500).optional(),
  inverted: z.boolean().default(false),
  caseInsensitive: z.boolean().default(false),
}).strict()
export type TFlagConstraint = z.infer<typeof ZFlagConstraint>

/** What a rollout hashes to keep a person (or a whole tenant) in the same bucket. */
export const FLAG_STICKINESS = [
  'default',
  'userId',
  'tenant',
  'partner',
  'sessionId',
  'random',
] as const
export const ZFlagStickiness = z.enum(FLAG_STICKINESS)
export type TFlagStickiness = z.infer<typeof ZFlagStickiness>

export const ZFlagVariantPayload = z.object({
  type: z.enum(['string', 'json', 'number', 'csv']),
  value: z.string().max(10_000),
}).strict()

export const ZFlagVariant = z.object({
  name: z.string().min(1).max(100),
  /** Relative weight (Unleash uses 1000 for 100 %); weights are normalised over the list. */
  weight: z.number().int().min(0).max(1000),
  stickiness: ZFlagStickiness.optional(),
  payload: ZFlagVariantPayload.optional(),
}).strict()
export type TFlagVariant = z.infer<typeof ZFlagVariant>

/** The strategies of a targeted flag (Unleash's built-in strategies). */
export const FLAG_STRATEGY_NAMES = [
  'default',
  'flexibleRollout',
  'userWithId',
  'gradualRolloutUserId',
  'gradualRolloutSessionId',
  'gradualRolloutRandom',
  'remoteAddress',
] as const
export const ZFlagStrategyName = z.enum(FLAG_STRATEGY_NAMES)

export const ZFlagStrategy = z.object({
  name: ZFlagStrategyName,
  /** Unleash's string parameters (`rollout`, `stickiness`, `groupId`, `userIds`, `IPs`, …). */
  parameters: z.record(z.string().max(100), z.string().max(10_000)).default({}),
  constraints: z.array(ZFlagConstraint).max(50).default([]),
  /** Segment ids; every segment's constraints must hold too. */
  segments: z.array(z.number().int().positive()).max(20).default([]),
  /** Strategy variants win over the flag's variants when this strategy matched. */
  variants: z.array(ZFlagVariant).max(50).default([]),
  disabled: z.boolean().default(false),
}).strict()
export type TFlagStrategy = z.infer<typeof ZFlagStrategy>

/** A flag this flag depends on: it is off unless the parent is enabled (or, with `enabled: false`, off). */
export const ZFlagDependency = z.object({
  feature: ZFlagKey,
  enabled: z.boolean().default(true),
  /** When set, the parent must also have given one of these variants. */
  variants: z.array(z.string().max(100)).max(50).optional(),
}).strict()
export type TFlagDependency = z.infer<typeof ZFlagDependency>

/** A flag's rule in one environment. */
export const ZFlagEnvironmentConfig = z.object({
  state: ZFlagState,
  /** For `rollout`: the share of stickiness keys that get the flag, 0–100. */
  rolloutPercent: z.number().int().min(0).max(100).default(0),
  /** For `rollout`: what is hashed (default: userId, then sessionId, then random). */
  stickiness: ZFlagStickiness.default('default'),
  /** For `targeted`: enabled when any strategy matches. */
  strategies: z.array(ZFlagStrategy).max(50).default([]),
  /** The flag's variants when enabled (strategy variants win). */
  variants: z.array(ZFlagVariant).max(50).default([]),
}).strict()
export type TFlagEnvironmentConfig = z.infer<typeof ZFlagEnvironmentConfig>
export type TFlagEnvironmentConfigInput = z.input<typeof ZFlagEnvironmentConfig>

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

export const ZFlagCreate = z.object({
  key: ZFlagKey,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).default(''),
  type: ZFlagType,
  tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  dependencies: z.array(ZFlagDependency).max(10).default([]),
}).strict()

export const ZFlagUpdate = ZFlagCreate.omit({ key: true }).partial().strict()

/** The kill switch and its undo both need a reason (kept in the audit entry). */
export const ZFlagKillRequest = z.object({
  reason: z.string().trim().min(3).max(500),
}).strict()

/** A segment: named constraints a strategy can reuse. */
export const ZFlagSegment = z.object({
  id: z.number().int().positive(),
  name: z.string().min(1).max(100),
  description: z.string(),
  constraints: z.array(ZFlagConstraint),
  updatedAt: ZDateTime,
})
export type TFlagSegment = z.infer<typeof ZFlagSegment>

export const ZFlagSegmentWrite = z.object({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(''),
  constraints: z.array(ZFlagConstraint).max(50),
}).strict()

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

// OFREP (OpenFeature Remote Evaluation Protocol), transcribed from its OpenAPI document.

/** The reasons OFREP's evaluationSuccess allows (a subset of OpenFeature's: no DEFAULT, no ERROR). */
export const OFREP_REASONS = [
  'STATIC',
  'TARGETING_MATCH',
  'SPLIT',
  'DISABLED',
  'UNKNOWN',
] as const
export type TOfrepReason = typeof OFREP_REASONS[number]
export const OFREP_ERROR_CODES = [
  'PARSE_ERROR',
  'TARGETING_KEY_MISSING',
  'INVALID_CONTEXT',
  'FLAG_NOT_FOUND',
  'GENERAL',
] as const

export const ZOfrepContext = z.record(z.string(), z.unknown())
export const ZOfrepEvaluationRequest = z.object({ context: ZOfrepContext })

export const ZOfrepMetadata = z.record(z.string(), z.union([
  z.boolean(),
  z.string(),
  z.number(),
]))

export const ZOfrepEvaluationSuccess = z.object({
  key: z.string(),
  value: z.boolean(),
  reason: z.enum(OFREP_REASONS),
  variant: z.string().optional(),
  metadata: ZOfrepMetadata.optional(),
})
export type TOfrepEvaluationSuccess = z.infer<typeof ZOfrepEvaluationSuccess>

export const ZOfrepEvaluationFailure = z.object({
  key: z.string(),
  errorCode: z.enum(OFREP_ERROR_CODES),
  errorDetails: z.string().optional(),
  metadata: ZOfrepMetadata.optional(),
})
export type TOfrepEvaluationFailure = z.infer<typeof ZOfrepEvaluationFailure>

export const ZOfrepBulkEvaluationSuccess = z.object({
  flags: z.array(z.union([ZOfrepEvaluationSuccess, ZOfrepEvaluationFailure])),
  metadata: ZOfrepMetadata.optional(),
})
export type TOfrepBulkEvaluationSuccess = z.infer<typeof ZOfrepBulkEvaluationSuccess>

export const ZOfrepBulkEvaluationFailure = z.object({
  errorCode: z.enum(OFREP_ERROR_CODES),
  errorDetails: z.string().optional(),
})
