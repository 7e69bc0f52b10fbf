import { describe, expect, it } from 'vitest'
import { resolveVariantWeights } from './resolve-variant-weights'

describe('resolveVariantWeights', () => {
  it('uses the weights as given when no variant is fixed', () => {
    expect(resolveVariantWeights([
      { name: 'a', weight: 1 },
      { name: 'b', weight: 3 },
    ])).toEqual([1, 3])
  })

  it('keeps fixed weights and shares the rest of 1000 between the variable ones, remainder first', () => {
    expect(resolveVariantWeights([
      { name: 'a', weight: 0, weightType: 'variable' },
      { name: 'fixed', weight: 200, weightType: 'fix' },
      { name: 'b', weight: 0, weightType: 'variable' },
      { name: 'c', weight: 0 },
    ])).toEqual([267, 200, 267, 266])
  })

  it('gives variable variants nothing when fixed ones take it all', () => {
    expect(resolveVariantWeights([
      { name: 'a', weight: 1000, weightType: 'fix' },
      { name: 'b', weight: 50 },
    ])).toEqual([1000, 0])
  })
})
