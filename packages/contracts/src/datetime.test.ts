import { describe, expect, it } from 'vitest'
import { ZDateTime } from './datetime'

describe('zDateTime', () => {
  it.each([
    { value: '2025-03-01T12:00:00Z', ok: true },
    { value: '2025-03-01T12:00:00.123456-03:00', ok: true },
    { value: '0001-01-01T00:00:00Z', ok: true },
    { value: '9999-12-31T23:59:59.999Z', ok: true },
    { value: '0000-01-01T00:00:00Z', ok: false },
    { value: '0001-01-01T00:00:00+00:01', ok: false },
    { value: '9999-12-31T23:59:59-23:59', ok: false },
    { value: '2025-03-01T12:00:00', ok: false },
    { value: '2025-02-30T12:00:00Z', ok: false },
  ])('$value → $ok', ({ value, ok }) => {
    expect(ZDateTime.safeParse(value).success).toBe(ok)
  })
})
