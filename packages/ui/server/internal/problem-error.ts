import type { TProblem } from '@dezky/contracts'
import { ZProblem } from '@dezky/contracts'
import { createError } from 'h3'

/** Messages we show for API failures. API `detail` texts are for developers and may name internals. */
const SAFE_MESSAGES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Your session has expired. Please sign in again.',
  403: 'You do not have access to this.',
  404: 'Not found.',
  409: 'This conflicts with the current state.',
  422: 'Some fields are not valid.',
  429: 'Too many requests. Please wait a moment.',
}

/**
 * Turns an API error answer (RFC 9457 problem+json, or anything else) into an h3 error with the same
 * status and a message that is safe to show. Validation `errors` and the request id travel in `data`
 * so forms can point at fields and support can find the log line.
 */
export function problemError(status: number, body: unknown, requestId: string) {
  const parsed = ZProblem.safeParse(body)
  const problem: Partial<TProblem> = parsed.success
    ? parsed.data
    : {}
  const statusCode = status >= 400 && status <= 599
    ? status
    : 502
  const message = SAFE_MESSAGES[statusCode]
    ?? (statusCode >= 500
      ? 'The platform could not complete the request.'
      : 'The request could not be completed.')
  return createError({
    statusCode,
    statusMessage: message,
    message,
    data: {
      type: problem.type,
      requestId: problem.requestId ?? requestId,
      ...(statusCode < 500 && problem.errors && { errors: problem.errors }),
    },
  })
}

/** The platform could not be reached, timed out, or answered something that is not its contract. */
export function unavailableError(requestId: string, statusCode: 502 | 503 = 503) {
  const message = statusCode === 503
    ? 'The platform is not reachable right now. Please try again in a moment.'
    : 'The platform sent an unexpected answer.'
  return createError({
    statusCode,
    statusMessage: message,
    message,
    data: { requestId },
  })
}
