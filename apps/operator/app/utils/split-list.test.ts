import { describe, expect, it } from 'vitest'
import { splitList } from './split-list'

describe('splitList', () => {
  it('trims entries and drops empty ones and repeats, keeping the first order', () => {
    expect(splitList(' billing, beta,,billing ')).toEqual(['billing', 'beta'])
    expect(splitList('')).toEqual([])
    expect(splitList(' , ')).toEqual([])
  })
})
