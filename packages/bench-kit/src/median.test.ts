import { describe, expect, it } from 'vitest'
import { median } from './median'

describe('median', () => {
  it.each([
    {
      values: [5],
      expected: 5,
    },
    {
      values: [3, 1, 100],
      expected: 3,
    },
    {
      values: [4, 1, 3, 2],
      expected: 2.5,
    },
    {
      values: [2, 2, 9, 9, 1],
      expected: 2,
    },
  ])('$values → $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected)
  })

  it('leaves its input in the order it was measured', () => {
    const rounds = [3, 1, 2]
    median(rounds)
    expect(rounds).toEqual([3, 1, 2])
  })

  it('refuses no values rather than answer NaN', () => {
    expect(() => median([])).toThrow('median of no values')
  })
})
