import type { UnleashVariant } from '../types'

/** Unleash shares 100 % as 1000 weight units between a flag's variants. */
const TOTAL_WEIGHT = 1000

/**
 * Weights as Unleash's server computes them before handing variants to a client: `fix` variants keep
 * their weight, the other (`variable`) ones share what is left equally, the first ones taking the
 * indivisible remainder. Without any `fix` variant the weights are used as given (relative), which is
 * what SDKs do with the already-computed weights they receive.
 */
export function resolveVariantWeights(variants: readonly UnleashVariant[]): number[] {
  const fixed = variants.filter(variant => variant.weightType === 'fix')
  if (fixed.length === 0)
    return variants.map(variant => variant.weight)
  const variableCount = variants.length - fixed.length
  const left = Math.max(0, TOTAL_WEIGHT - fixed.reduce((sum, variant) => sum + variant.weight, 0))
  const share = variableCount > 0
    ? Math.floor(left / variableCount)
    : 0
  let remainder = variableCount > 0
    ? left % variableCount
    : 0
  return variants.map((variant) => {
    if (variant.weightType === 'fix')
      return variant.weight
    const extra = remainder > 0
      ? 1
      : 0
    remainder -= extra
    return share + extra
  })
}
