import type { UnleashContext, UnleashSegment, UnleashStrategy } from '../types'
import type { VariantSelector } from '../variants/compile-variants'
import { compileConstraints } from '../constraints/compile-constraints'
import { compileVariants } from '../variants/compile-variants'
import { compileStrategyCheck } from './compile-strategy-check'

export interface CompiledStrategy {
  /** Constraints (and segments) hold, then the strategy's own test. */
  matches: (context: UnleashContext) => boolean
  /** The strategy's variants (they win over the flag's when this strategy matched); null when none. */
  variants: VariantSelector | null
}

/** A disabled strategy stays in the list (indexes keep pointing at the same rule) but never matches. */
export function compileStrategy(
  strategy: UnleashStrategy,
  segments: ReadonlyMap<number, UnleashSegment>,
  featureName: string,
): CompiledStrategy {
  const parameters = strategy.parameters ?? {}
  if (strategy.disabled === true) {
    return {
      matches: () => false,
      variants: null,
    }
  }
  const constraints = compileConstraints(strategy.constraints, strategy.segments, segments)
  const check = compileStrategyCheck(strategy.name, parameters, featureName)
  const groupId = String(parameters.groupId || featureName)
  const stickiness = parameters.stickiness === undefined
    ? undefined
    : String(parameters.stickiness)
  return {
    matches: context => constraints(context) && check(context),
    variants: compileVariants(strategy.variants, groupId, stickiness),
  }
}
