import { describe, expect, it } from 'vitest'
import { resolveVariantWeights } from './resolve-variant-weights'

const weights = (variants: ReturnType<typeof resolveVariantWeights>) => variants.map(variant => `${variant.name}:${variant.weight}`)

describe('resolveVariantWeights', () => {
  it('uses the list as given when no variant is fixed', () => {
    expect(weights(resolveVariantWeights([
      { name: 'a', weight: 1 },
      { name: 'b', weight: 3 },
    ]))).toEqual(['a:1', 'b:3'])
  })

  it('keeps fixed weights, shares the rest of 1000 between the variable ones (remainder first), fixed last', () => {
    expect(weights(resolveVariantWeights([
      { name: 'a', weight: 0, weightType: 'variable' },
      { name: 'fixed', weight: 200, weightType: 'fix' },
      { name: 'b', weight: 0, weightType: 'variable' },
      { name: 'c', weight: 0 },
    ]))).toEqual(['a:267', 'b:267', 'c:266', 'fixed:200'])
  })

  it('gives variable variants nothing when fixed ones take it all', () => {
    expect(weights(resolveVariantWeights([
      { name: 'a', weight: 1000, weightType: 'fix' },
      { name: 'b', weight: 50 },
    ]))).toEqual(['b:0', 'a:1000'])
  })
})
