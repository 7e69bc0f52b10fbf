import type { TFlagEnvironmentConfig, TFlagScope } from '@dezky/contracts'
import type { FlagDefinition, UnleashSegment } from '../types'
import type { CompiledDependency, CompiledFlag } from './compiled-flag'
import { compileStrategy } from '../strategies/compile-strategy'
import { compileVariants } from '../variants/compile-variants'

const OFF: TFlagEnvironmentConfig = {
  state: 'off',
  rolloutPercent: 0,
  stickiness: 'default',
  strategies: [],
  variants: [],
}

/** One flag for one environment; `indexOf` places its parents in the set (cycles are resolved by the caller). */
export function compileFlag(
  flag: FlagDefinition,
  environment: string,
  segments: ReadonlyMap<number, UnleashSegment>,
  indexOf: ReadonlyMap<string, number>,
): CompiledFlag {
  const config = Object.hasOwn(flag.environments, environment)
    ? flag.environments[environment]!
    : OFF
  return {
    key: flag.key,
    killed: flag.killed,
    archived: flag.archived,
    overrides: {
      user: overridesOf(flag, environment, 'user'),
      tenant: overridesOf(flag, environment, 'tenant'),
      partner: overridesOf(flag, environment, 'partner'),
    },
    dependencies: flag.dependencies.map((dependency): CompiledDependency => ({
      feature: dependency.feature,
      index: indexOf.get(dependency.feature) ?? -1,
      enabled: dependency.enabled !== false,
      variants: dependency.variants?.length
        ? new Set(dependency.variants)
        : null,
    })),
    cyclicParent: null,
    state: config.state,
    rolloutPercent: config.rolloutPercent ?? 0,
    stickiness: config.stickiness ?? 'default',
    // Unleash's groupId defaults to the flag's key, so one user is not in every 10 % rollout at once.
    strategies: config.state === 'targeted'
      ? (config.strategies ?? []).map(strategy => compileStrategy(strategy, segments, flag.key))
      : [],
    // A rollout is Unleash's flexibleRollout strategy, whose variants inherit its stickiness: a
    // tenant-sticky rollout then also gives the whole tenant one variant.
    variants: compileVariants(config.variants, flag.key, config.state === 'rollout'
      ? config.stickiness
      : undefined),
  }
}

function overridesOf(flag: FlagDefinition, environment: string, scope: TFlagScope): ReadonlyMap<string, boolean> | null {
  const rules = flag.overrides.filter(rule => rule.environment === environment && rule.scope === scope)
  return rules.length === 0
    ? null
    : new Map(rules.map(rule => [rule.scopeId, rule.value]))
}
