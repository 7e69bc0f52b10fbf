import { HTTPError } from 'h3'
import { Problem } from './problem'

/** Postgres SQLSTATE classes that mean "the database is not there right now", not "your request is wrong". */
const UNAVAILABLE_SQLSTATE = /^(?:08|53|57P0[1-3])/
const UNAVAILABLE_ERRNO = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/**
 * Turns anything thrown while handling a request into a Problem. Unknown errors become a bare 500 whose
 * body says nothing about the cause; the caller logs the original.
 */
export function toProblem(error: unknown): { problem: Problem, unexpected: boolean } {
  if (error instanceof Problem)
    return { problem: error, unexpected: false }
  if (isDatabaseUnavailable(error)) {
    return {
      problem: new Problem(503, 'Service unavailable', {
        detail: 'The database is unreachable; retry shortly.',
        headers: { 'retry-after': '5' },
      }),
      unexpected: false,
    }
  }
  const sqlState = sqlStateOf(error)
  if (sqlState === '23505' || sqlState === '23503') {
    return {
      problem: new Problem(409, 'Conflict', { detail: 'This conflicts with data that already exists; reload and try again.' }),
      unexpected: false,
    }
  }
  // Class 22 (data exception): a value Postgres cannot store or compare, such as an out-of-range date.
  if (sqlState?.startsWith('22')) {
    return {
      problem: new Problem(400, 'Invalid value', { detail: 'A value in the request cannot be stored or compared.' }),
      unexpected: false,
    }
  }
  if (HTTPError.isError(error) && error.status < 500) {
    return {
      problem: new Problem(error.status, error.statusText || titleFor(error.status), { detail: error.message }),
      unexpected: false,
    }
  }
  return {
    problem: new Problem(500, 'Internal server error'),
    unexpected: true,
  }
}

/** Drizzle wraps driver errors (DrizzleQueryError) with the pg error as `cause`: look down the chain. */
function sqlStateOf(error: unknown): string | undefined {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code))
      return e.code
  }
  return undefined
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: any = error, depth = 0; e && depth < 5; e = e.cause, depth++) {
    if (typeof e.code === 'string' && (UNAVAILABLE_ERRNO.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code)))
      return true
    if (typeof e.message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message))
      return true
  }
  return false
}

function titleFor(status: number): string {
  return ({
    400: 'Bad request',
    404: 'Not found',
    405: 'Method not allowed',
    413: 'Payload too large',
    415: 'Unsupported media type',
  } as Record<number, string>)[status] ?? 'Error'
}
