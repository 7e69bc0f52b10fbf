import type { UnleashVariant } from '../types'

/** Unleash shares 100 % as 1000 weight units between a flag's variants. */
const TOTAL_WEIGHT = 1000

/**
 * Variants as Unleash's server stores them before any client sees them: `fix` variants keep their
 * weight, the others (`variable`, the default) share what is left of 1000 equally, the first ones taking
 * the indivisible remainder, and the list is reordered variable-first, fixed-last (the order decides
 * which hash buckets a variant gets). Without any `fix` variant the list is used as given, with relative
 * weights, which is what SDKs do with the already-computed lists they receive.
 */
export function resolveVariantWeights(variants: readonly UnleashVariant[]): UnleashVariant[] {
  const fixed = variants.filter(variant => variant.weightType === 'fix')
  if (fixed.length === 0)
    return [...variants]
  const variable = variants.filter(variant => variant.weightType !== 'fix')
  const left = Math.max(0, TOTAL_WEIGHT - fixed.reduce((sum, variant) => sum + variant.weight, 0))
  const share = variable.length > 0
    ? Math.floor(left / variable.length)
    : 0
  const remainder = variable.length > 0
    ? left % variable.length
    : 0
  return [
    ...variable.map((variant, index) => ({ ...variant, weight: share + (index < remainder
      ? 1
      : 0) })),
    ...fixed,
  ]
}
