import type { UpstreamError } from '../upstream-error'
import { permanent, retryable } from '../upstream-error'

/** nodemailer's error codes for failures that never reached an SMTP reply: worth another attempt. */
const NETWORK_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ETLS',
  'ECONNREFUSED',
  'ECONNRESET',
])

/**
 * A failed send as an UpstreamError: SMTP 4xx replies (451 local error, 421 closing) and connection
 * problems are retryable; 5xx replies (550 mailbox unavailable, 535 bad credentials) are permanent.
 */
export function smtpUpstreamError(error: unknown, what: string): UpstreamError {
  const { code, responseCode, response, message } = error as { code?: string, responseCode?: number, response?: string, message?: string }
  const detail = response ?? message ?? String(error)
  if (typeof responseCode === 'number' && responseCode >= 500)
    return permanent('smtp', `${what} was refused with ${responseCode}: ${detail}`, { status: responseCode, cause: error })
  if (typeof responseCode === 'number' && responseCode >= 400)
    return retryable('smtp', `${what} failed temporarily with ${responseCode}: ${detail}`, { status: responseCode, cause: error })
  if (code === 'EAUTH')
    return permanent('smtp', `${what}: authentication failed: ${detail}`, { cause: error })
  if (code && NETWORK_CODES.has(code))
    return retryable('smtp', `${what} failed: ${code} ${detail}`, { cause: error })
  return retryable('smtp', `${what} failed: ${detail}`, { cause: error })
}
