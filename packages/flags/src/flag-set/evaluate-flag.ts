import type { TFlagDecision, TFlagScope } from '@dezky/contracts'
import type { FlagContext, FlagEvaluation, UnleashContext } from '../types'
import type { CompiledFlag } from './compiled-flag'
import { resolveStickinessId } from '../context/resolve-stickiness-id'
import { normalizedHash } from '../hash/normalized-hash'

/** Answers already computed within one call (parents shared by several children are evaluated once). */
export type EvaluationMemo = (FlagEvaluation | undefined)[]

/**
 * One flag, in Dezky's precedence: kill > archived > user > tenant > partner override > dependencies >
 * the environment's state (off / on / rollout / targeted) > variants. Parents are evaluated with the
 * same context, overrides included, and stored in `memo`.
 */
export function evaluateFlag(flags: readonly CompiledFlag[], index: number, context: FlagContext, unleash: UnleashContext, memo: EvaluationMemo): FlagEvaluation {
  const flag = flags[index]!
  if (flag.killed)
    return result(flag.key, false, 'killed')
  if (flag.archived)
    return result(flag.key, false, 'archived')
  const override = findOverride(flag, context)
  if (override)
    return withVariant(flag, unleash, result(flag.key, override.value, 'override', { scope: override.scope, scopeId: override.scopeId }), null)
  const parent = unsatisfiedParent(flags, flag, context, unleash, memo)
  if (parent !== null)
    return result(flag.key, false, 'dependency', { parent })
  switch (flag.state) {
    case 'on':
      return withVariant(flag, unleash, result(flag.key, true, 'on'), null)
    case 'rollout': {
      const id = flag.rolloutPercent > 0
        ? resolveStickinessId(flag.stickiness, unleash)
        : undefined
      const bucket = id === undefined
        ? null
        : normalizedHash(id, flag.key)
      const value = bucket !== null && bucket <= flag.rolloutPercent
      return withVariant(flag, unleash, result(flag.key, value, 'rollout', { bucket }), null)
    }
    case 'targeted': {
      const matched = flag.strategies.findIndex(strategy => strategy.matches(unleash))
      if (matched < 0)
        return result(flag.key, false, 'targeted')
      return withVariant(flag, unleash, result(flag.key, true, 'targeted', { strategyIndex: matched }), matched)
    }
    default:
      return result(flag.key, false, 'off')
  }
}

function findOverride(flag: CompiledFlag, context: FlagContext): { scope: TFlagScope, scopeId: string, value: boolean } | null {
  const { user, tenant, partner } = flag.overrides
  if (user && context.userId !== undefined && user.has(context.userId)) {
    return {
      scope: 'user',
      scopeId: context.userId,
      value: user.get(context.userId)!,
    }
  }
  if (tenant && context.tenant !== undefined && tenant.has(context.tenant)) {
    return {
      scope: 'tenant',
      scopeId: context.tenant,
      value: tenant.get(context.tenant)!,
    }
  }
  if (partner && context.partner !== undefined && partner.has(context.partner)) {
    return {
      scope: 'partner',
      scopeId: context.partner,
      value: partner.get(context.partner)!,
    }
  }
  return null
}

/** The first dependency that does not hold (its key), or null when all hold. */
function unsatisfiedParent(flags: readonly CompiledFlag[], flag: CompiledFlag, context: FlagContext, unleash: UnleashContext, memo: EvaluationMemo): string | null {
  if (flag.cyclicParent !== null)
    return flag.cyclicParent
  for (const dependency of flag.dependencies) {
    if (dependency.index < 0)
      return dependency.feature
    const parent = memo[dependency.index] ??= evaluateFlag(flags, dependency.index, context, unleash, memo)
    const holds = dependency.enabled
      ? parent.value && (dependency.variants === null || (parent.variant !== null && dependency.variants.has(parent.variant.name)))
      : !parent.value
    if (!holds)
      return dependency.feature
  }
  return null
}

/** Variants only for an enabled flag: the matched strategy's first, else the environment's. */
function withVariant(flag: CompiledFlag, unleash: UnleashContext, evaluation: FlagEvaluation, strategyIndex: number | null): FlagEvaluation {
  if (evaluation.value) {
    const fromStrategy = strategyIndex === null
      ? null
      : flag.strategies[strategyIndex]?.variants?.(unleash)
    evaluation.variant = fromStrategy ?? flag.variants?.(unleash) ?? null
  }
  return evaluation
}

function result(key: string, value: boolean, decision: TFlagDecision, details?: Partial<FlagEvaluation>): FlagEvaluation {
  return {
    key,
    value,
    variant: null,
    decision,
    scope: null,
    scopeId: null,
    strategyIndex: null,
    bucket: null,
    parent: null,
    ...details,
  }
}
