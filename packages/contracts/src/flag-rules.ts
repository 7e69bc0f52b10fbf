import { z } from 'zod'
import { ZDateTime } from './datetime'

/**
 * A flag's rules, Unleash's vocabulary: constraints (every operator), strategies, variants, dependencies
 * and segments, and the rule of one environment that holds them.
 */

/** A flag key: lower case, dots, dashes and underscores between words (`portal.usage-card`). */
export const ZFlagKey = z.string().min(2).max(100).regex(/^[a-z][a-z0-9]*(?:[._-][a-z0-9]+)*$/, 'Use lower-case letters and digits, with . - or _ between words.')
export type TFlagKey = z.infer<typeof ZFlagKey>

/** An environment key (`development`, `staging`, `production`). */
export const ZFlagEnvironmentKey = z.string().min(2).max(40).regex(/^[a-z][a-z0-9-]*$/, 'Use lower-case letters, digits and dashes.')

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

/** The operators that read one `value` (a number, date, version or pattern); the others read `values`. */
export const SINGLE_VALUE_OPERATORS: ReadonlySet<TConstraintOperator> = new Set(CONSTRAINT_OPERATORS.filter(operator =>
  /^(?:NUM_|DATE_|SEMVER_)/.test(operator) || operator === 'REGEX'))

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
