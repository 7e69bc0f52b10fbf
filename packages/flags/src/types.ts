import type {
  TConstraintOperator,
  TFlagDecision,
  TFlagDependency,
  TFlagEnvironmentConfig,
  TFlagScope,
  TFlagType,
} from '@dezky/contracts'

// ---------------------------------------------------------------------------------------------------------
// The Unleash-compatible layer: the shapes of Unleash's client API (and of @unleash/client-specification's
// `state`), evaluated with Unleash's semantics. Dezky's flags compile down to it.
// ---------------------------------------------------------------------------------------------------------

/** Unleash's context: the well-known fields, and anything else under `properties`. */
export interface UnleashContext {
  userId?: string
  sessionId?: string
  remoteAddress?: string
  environment?: string
  appName?: string
  /** Defaults to now. */
  currentTime?: string | Date
  properties?: Record<string, string | number | boolean | undefined | null>
  [field: string]: unknown
}

export interface UnleashConstraint {
  contextName: string
  /** Unknown operators never match (the specification tests one). */
  operator: TConstraintOperator | string
  values?: string[]
  value?: string
  inverted?: boolean
  caseInsensitive?: boolean
}

export interface UnleashPayload { type: string, value: string }

export interface UnleashVariantOverride { contextName: string, values: string[] }

export interface UnleashVariant {
  name: string
  weight: number
  weightType?: 'variable' | 'fix' | string
  stickiness?: string
  payload?: UnleashPayload
  overrides?: UnleashVariantOverride[]
}

export interface UnleashStrategy {
  name: string
  parameters?: Record<string, string | number | undefined>
  constraints?: UnleashConstraint[]
  segments?: number[]
  variants?: UnleashVariant[]
  disabled?: boolean | null
}

export interface UnleashDependency { feature: string, enabled?: boolean, variants?: string[] }

export interface UnleashFeature {
  name: string
  enabled: boolean
  strategies?: UnleashStrategy[]
  variants?: UnleashVariant[]
  dependencies?: UnleashDependency[]
  [field: string]: unknown
}

export interface UnleashSegment { id: number, constraints: UnleashConstraint[] }

export interface UnleashState { features: UnleashFeature[], segments?: UnleashSegment[] }

/** Unleash's `getVariant` answer; `name: 'disabled'` when no variant applies. */
export interface UnleashVariantResult {
  name: string
  enabled: boolean
  feature_enabled: boolean
  payload?: UnleashPayload
}

// ---------------------------------------------------------------------------------------------------------
// Dezky's flags: states, scope overrides and the kill switch on top of the Unleash layer.
// ---------------------------------------------------------------------------------------------------------

export interface FlagOverrideRule {
  environment: string
  scope: TFlagScope
  /** A partner or tenant slug, or a user's id. */
  scopeId: string
  value: boolean
}

/** A flag as the engine needs it (the API builds these from its rows). */
export interface FlagDefinition {
  key: string
  type: TFlagType
  /** The kill switch: off everywhere, overrides included. */
  killed: boolean
  /** Archived flags evaluate off. */
  archived: boolean
  dependencies: TFlagDependency[]
  /** Per environment; an environment without an entry is `off`. */
  environments: Record<string, TFlagEnvironmentConfig>
  overrides: FlagOverrideRule[]
}

/** Who is asking: the principal's ids (never chosen by the caller) and the caller's attributes. */
export interface FlagContext {
  userId?: string
  /** The tenant's slug. */
  tenant?: string
  /** The tenant's partner's slug (none for a direct customer). */
  partner?: string
  sessionId?: string
  remoteAddress?: string
  currentTime?: string | Date
  /** Anything else a constraint may name (email, role, plan, appName, …). */
  properties?: Record<string, string | number | boolean | undefined | null>
}

export interface FlagEvaluation {
  key: string
  value: boolean
  /** The variant when the flag is on and has variants; null otherwise. */
  variant: { name: string, payload?: UnleashPayload } | null
  decision: TFlagDecision
  /** For `override`. */
  scope: TFlagScope | null
  scopeId: string | null
  /** For `targeted`: the strategy that matched. */
  strategyIndex: number | null
  /** For `rollout`: the caller's bucket, 1–100 (Unleash's normalised hash). */
  bucket: number | null
  /** For `dependency`: the parent flag that was not satisfied. */
  parent: string | null
}

/** Every flag of one environment, compiled once for fast evaluation (rebuilt when any flag changes). */
export interface CompiledFlagSet {
  readonly environment: string
  readonly keys: readonly string[]
  /** undefined for an unknown key. */
  evaluate: (key: string, context: FlagContext) => FlagEvaluation | undefined
  /** Every flag, in `keys` order; each flag evaluated at most once (dependencies reuse their parent's answer). */
  evaluateAll: (context: FlagContext) => FlagEvaluation[]
}
