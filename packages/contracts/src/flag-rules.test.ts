import { describe, expect, it } from 'vitest'
import { CONSTRAINT_OPERATORS, SINGLE_VALUE_OPERATORS } from './flag-rules'

describe('sINGLE_VALUE_OPERATORS', () => {
  it('holds the number, date, version and pattern operators, and no list operator', () => {
    expect([...SINGLE_VALUE_OPERATORS].sort()).toEqual([
      'DATE_AFTER',
      'DATE_BEFORE',
      'NUM_EQ',
      'NUM_GT',
      'NUM_GTE',
      'NUM_LT',
      'NUM_LTE',
      'REGEX',
      'SEMVER_EQ',
      'SEMVER_GT',
      'SEMVER_GTE',
      'SEMVER_LT',
      'SEMVER_LTE',
    ])
    expect(CONSTRAINT_OPERATORS.filter(operator => !SINGLE_VALUE_OPERATORS.has(operator)))
      .toEqual([
        'IN',
        'NOT_IN',
        'STR_CONTAINS',
        'STR_STARTS_WITH',
        'STR_ENDS_WITH',
        'IN_CIDR',
      ])
  })
})
