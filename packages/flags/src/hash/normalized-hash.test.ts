import { describe, expect, it } from 'vitest'
import { normalizedHash, VARIANT_SEED } from './normalized-hash'

describe('normalizedHash', () => {
  // Buckets the Unleash client specification relies on (03-gradual-rollout-user-id: user 123 of gr1
  // is inside 73 % and outside 72 %), so a change of hash or seed shows up here first.
  it('maps user 123 of group gr1 to bucket 73', () => {
    expect(normalizedHash('123', 'gr1')).toBe(73)
  })

  it('stays within 1..normalizer', () => {
    for (let index = 0; index < 2000; index++) {
      const bucket = normalizedHash(`user-${index}`, 'group', 1000, VARIANT_SEED)
      expect(bucket).toBeGreaterThanOrEqual(1)
      expect(bucket).toBeLessThanOrEqual(1000)
    }
  })

  it('depends on the group and on the seed', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `user-${index}`)
    const byGroup = ids.filter(id => normalizedHash(id, 'a') !== normalizedHash(id, 'b'))
    const bySeed = ids.filter(id => normalizedHash(id, 'a') !== normalizedHash(id, 'a', 100, VARIANT_SEED))
    expect(byGroup.length).toBeGreaterThan(150)
    expect(bySeed.length).toBeGreaterThan(150)
  })
})
