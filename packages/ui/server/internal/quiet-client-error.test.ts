import type { TLoggedError } from './quiet-client-error'
import { createError } from 'h3'
import { describe, expect, it } from 'vitest'
import { quietClientError } from './quiet-client-error'

describe('quietClientError', () => {
  it.each([
    [
      'a page\'s fatal 404',
      { statusCode: 404, fatal: true },
      '[request error] 404 [GET] /t/globex/users',
    ],
    [
      'a fatal 401',
      { statusCode: 401, fatal: true },
      '[request error] 401 [GET] /t/globex/users',
    ],
    [
      'a fatal 500',
      { statusCode: 500, fatal: true },
      null,
    ],
    [
      'a fatal 503',
      { statusCode: 503, fatal: true },
      null,
    ],
    [
      'an unhandled error',
      { statusCode: 500, unhandled: true },
      null,
    ],
    [
      'an unhandled error with a client status',
      { statusCode: 400, unhandled: true, fatal: true },
      null,
    ],
    [
      'a 404 Nitro does not log (not fatal)',
      { statusCode: 404 },
      null,
    ],
  ] satisfies Array<[string, TLoggedError, string | null]>)('%s', (_, fields: TLoggedError, line) => {
    const error = createError(fields)
    expect(quietClientError(error, 'GET', '/t/globex/users?code=secret')).toBe(line)
    // Only a demoted error stops being fatal, so Nitro keeps logging the others in full.
    expect(error.fatal).toBe(line
      ? false
      : !!fields.fatal)
  })
})
