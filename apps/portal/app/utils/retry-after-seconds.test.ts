import { describe, expect, it } from 'vitest'
import { retryAfterSeconds } from './retry-after-seconds'

function failure(statusCode: number, retryAfter?: string) {
  const headers = new Headers(retryAfter === undefined
    ? {}
    : { 'retry-after': retryAfter })
  return {
    statusCode,
    response: { headers },
  }
}

describe('retryAfterSeconds', () => {
  const now = Date.parse('2026-11-22T10:00:00Z')

  it.each([
    [
      'seconds',
      failure(429, '7'),
      7,
    ],
    [
      'zero seconds, still a moment',
      failure(429, '0'),
      1,
    ],
    [
      'an HTTP date',
      failure(429, 'Sun, 22 Nov 2026 10:00:12 GMT'),
      12,
    ],
    [
      'an HTTP date already past',
      failure(429, 'Sun, 22 Nov 2026 09:59:00 GMT'),
      1,
    ],
    [
      'no header',
      failure(429),
      10,
    ],
    [
      'garbage',
      failure(429, 'soon'),
      10,
    ],
  ])('a 429 with %s waits', (_, error, seconds) => {
    expect(retryAfterSeconds(error, now)).toBe(seconds)
  })

  it.each([
    failure(500, '7'),
    failure(404),
    new Error('offline'),
    null,
  ])('anything but a 429 is not a wait (%#)', (error) => {
    expect(retryAfterSeconds(error, now)).toBeNull()
  })
})
