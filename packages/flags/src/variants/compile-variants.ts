import type { UnleashContext, UnleashPayload, UnleashVariant } from '../types'
import { resolveContextValue } from '../context/resolve-context-value'
import { resolveVariantSeed } from '../context/resolve-variant-seed'
import { normalizedHash, VARIANT_SEED } from '../hash/normalized-hash'
import { resolveVariantWeights } from './resolve-variant-weights'

export interface SelectedVariant { name: string, payload?: UnleashPayload }

/** Picks a variant for a context; null when the variants carry no weight at all. */
export type VariantSelector = (context: UnleashContext) => SelectedVariant | null

interface Slot { variant: SelectedVariant, upTo: number }

/**
 * Unleash's variant selection, compiled: overrides first (the first variant with an override naming the
 * context's value), else the stickiness id hashed with the variant seed onto 1..total weight and the
 * variant whose cumulative weight reaches it. The first variant's stickiness applies to all (Unleash's
 * rule); `fallbackStickiness` is the strategy's when the variants name none.
 */
export function compileVariants(
  variants: readonly UnleashVariant[] | undefined,
  groupId: string,
  fallbackStickiness?: string,
): VariantSelector | null {
  if (!variants || variants.length === 0)
    return null
  const resolved = resolveVariantWeights(variants)
  const total = resolved.reduce((sum, variant) => sum + variant.weight, 0)
  if (total <= 0)
    return () => null
  const stickiness = resolved[0]!.stickiness || fallbackStickiness || 'default'
  const overrides = resolved.flatMap(variant => (variant.overrides ?? []).map(override => ({
    variant: toSelected(variant),
    contextName: override.contextName,
    values: new Set(override.values),
  })))
  const slots: Slot[] = []
  let upTo = 0
  for (const variant of resolved) {
    upTo += variant.weight
    if (variant.weight > 0) {
      slots.push({
        variant: toSelected(variant),
        upTo,
      })
    }
  }
  return (context) => {
    for (const override of overrides) {
      const value = resolveContextValue(context, override.contextName)
      if (value !== undefined && override.values.has(value))
        return override.variant
    }
    const target = normalizedHash(resolveVariantSeed(stickiness, context), groupId, total, VARIANT_SEED)
    return slots.find(slot => slot.upTo >= target)?.variant ?? null
  }
}

function toSelected(variant: UnleashVariant): SelectedVariant {
  return variant.payload
    ? { name: variant.name, payload: variant.payload }
    : { name: variant.name }
}
