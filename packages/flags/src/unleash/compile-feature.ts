import type { CompiledStrategy } from '../strategies/compile-strategy'
import type { UnleashDependency, UnleashFeature, UnleashSegment } from '../types'
import type { VariantSelector } from '../variants/compile-variants'
import { compileStrategy } from '../strategies/compile-strategy'
import { compileVariants } from '../variants/compile-variants'

export interface CompiledFeature {
  name: string
  enabled: boolean
  /** Unleash: a feature without strategies is simply on when enabled. */
  strategies: CompiledStrategy[] | null
  variants: VariantSelector | null
  dependencies: UnleashDependency[]
}

export function compileFeature(feature: UnleashFeature, segments: ReadonlyMap<number, UnleashSegment>): CompiledFeature {
  const strategies = feature.strategies ?? []
  return {
    name: feature.name,
    enabled: feature.enabled,
    strategies: strategies.length === 0
      ? null
      : strategies.map(strategy => compileStrategy(strategy, segments, feature.name)),
    variants: compileVariants(feature.variants, feature.name),
    dependencies: feature.dependencies ?? [],
  }
}
