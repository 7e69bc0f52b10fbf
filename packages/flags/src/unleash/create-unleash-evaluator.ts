import type { UnleashContext, UnleashState, UnleashVariantResult } from '../types'
import type { CompiledFeature } from './compile-feature'
import { compileFeature } from './compile-feature'

export interface UnleashEvaluator {
  isEnabled: (name: string, context: UnleashContext) => boolean
  getVariant: (name: string, context: UnleashContext) => UnleashVariantResult
}

/** No strategy matched (or the feature is off); otherwise the matching strategy's index, or this when it has none. */
const NO_MATCH = -1
const NO_STRATEGIES = -2

/**
 * Unleash's client semantics over a state (the `/api/client/features` payload): compiled once, then
 * `isEnabled` / `getVariant` as any Unleash SDK answers them. Unknown features are off.
 *
 * @example createUnleashEvaluator(state).isEnabled('checkout.v2', { userId: '42' })
 */
export function createUnleashEvaluator(state: UnleashState): UnleashEvaluator {
  const segments = new Map((state.segments ?? []).map(segment => [segment.id, segment]))
  const features = new Map(state.features.map(feature => [
    feature.name,
    compileFeature(feature, segments),
  ]))

  function match(feature: CompiledFeature, context: UnleashContext): number {
    if (!feature.enabled || !dependenciesHold(feature, context))
      return NO_MATCH
    if (!feature.strategies)
      return NO_STRATEGIES
    return feature.strategies.findIndex(strategy => strategy.matches(context))
  }

  // Unleash resolves one level only: a parent that itself has parents never satisfies (the server
  // refuses such chains; a client meeting one anyway stays off rather than recursing).
  function dependenciesHold(feature: CompiledFeature, context: UnleashContext): boolean {
    return feature.dependencies.every((dependency) => {
      const parent = features.get(dependency.feature)
      if (!parent || parent.dependencies.length > 0)
        return false
      if (dependency.enabled === false)
        return match(parent, context) === NO_MATCH
      if (dependency.variants?.length) {
        const variant = getVariant(dependency.feature, context)
        return variant.feature_enabled && dependency.variants.includes(variant.name)
      }
      return match(parent, context) !== NO_MATCH
    })
  }

  function isEnabled(name: string, context: UnleashContext): boolean {
    const feature = features.get(name)
    return feature !== undefined && match(feature, context) !== NO_MATCH
  }

  function getVariant(name: string, context: UnleashContext): UnleashVariantResult {
    const feature = features.get(name)
    const index = feature
      ? match(feature, context)
      : NO_MATCH
    if (!feature || index === NO_MATCH)
      return { name: 'disabled', enabled: false, feature_enabled: false }
    const selected = feature.strategies?.[index]?.variants?.(context) ?? feature.variants?.(context)
    if (!selected)
      return { name: 'disabled', enabled: false, feature_enabled: true }
    return { ...selected, enabled: true, feature_enabled: true }
  }

  return { isEnabled, getVariant }
}
