import { describe, expect, it } from 'vitest'
import { ZFlagCreate, ZFlagUpdate } from './flags'

describe('flag create and update bodies', () => {
  it('fill in a new flag\'s description, tags and dependencies', () => {
    expect(ZFlagCreate.parse({ key: 'portal.card', name: 'Card', type: 'release' })).toEqual({
      key: 'portal.card',
      name: 'Card',
      type: 'release',
      description: '',
      tags: [],
      dependencies: [],
    })
  })

  it('keep an update to the fields it sends, so the others stay as they are', () => {
    expect(ZFlagUpdate.parse({ description: 'Shown on the dashboard' })).toEqual({ description: 'Shown on the dashboard' })
    expect(ZFlagUpdate.parse({})).toEqual({})
  })

  it('refuse an update that renames the key or carries an unknown field', () => {
    expect(ZFlagUpdate.safeParse({ key: 'other.key' }).success).toBe(false)
    expect(ZFlagUpdate.safeParse({ colour: 'red' }).success).toBe(false)
  })
})
