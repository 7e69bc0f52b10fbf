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
  const pgCode = (error as { code?: unknown })?.code
  if (pgCode === '23505') {
    return {
      problem: new Problem(409, 'Conflict', { detail: 'A resource with the same unique key already exists.' }),
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
