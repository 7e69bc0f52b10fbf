import type { Upstream } from './upstream-error'
import { permanent, retryable, UpstreamError } from './upstream-error'

export interface UpstreamFetchOptions {
  upstream: Upstream
  /** Each call's deadline, connect to last byte. */
  timeoutMs: number
  /** Plain `fetch` unless a test or the benchmark passes its own. */
  fetch?: typeof fetch
}

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value)
    return undefined
  if (/^\d+$/.test(value.trim()))
    return Number(value.trim()) * 1000
  const at = Date.parse(value)
  return Number.isNaN(at)
    ? undefined
    : Math.max(0, at - now)
}

const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504])
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Failures before a byte of the request left: the upstream cannot have applied anything. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
])

/**
 * A `fetch` for talking to an upstream: every call has a deadline, and failures that a later attempt can
 * cure become retryable {@link UpstreamError}s (timeouts, resets, refused connections, 408/429/5xx, with
 * Retry-After honoured). Other answers, 4xx included, are returned: only the driver knows whether a 404
 * means "not there yet" or "gone", and it turns the rest into permanent errors with {@link failOn}.
 */
export function createUpstreamFetch(options: UpstreamFetchOptions): typeof fetch {
  const base = options.fetch ?? fetch
  return async (input, init = {}) => {
    const timeout = AbortSignal.timeout(options.timeoutMs)
    const signal = init.signal
      ? AbortSignal.any([init.signal, timeout])
      : timeout
    const method = init.method ?? (input instanceof Request
      ? input.method
      : 'GET')
    const where = `${method} ${new URL(input instanceof Request
      ? input.url
      : String(input)).pathname}`
    let response: Response
    try {
      response = await base(input, { ...init, signal })
    }
    catch (error) {
      const code = networkErrorCode(error)
      const unconfirmedWrite = !READ_METHODS.has(method.toUpperCase()) && !(code && NOT_SENT_CODES.has(code))
        ? where
        : undefined
      // Our own abort (lease lost, shutdown): a read just stops; a write in flight may have landed.
      if (init.signal?.aborted && !timeout.aborted) {
        if (!unconfirmedWrite)
          throw error
        throw retryable(options.upstream, `${where} abandoned: ${describeNetworkError(init.signal.reason ?? error)}`, { cause: error, unconfirmedWrite })
      }
      if (timeout.aborted)
        throw retryable(options.upstream, `${where} timed out after ${options.timeoutMs} ms`, { cause: error, unconfirmedWrite })
      throw retryable(options.upstream, `${where} failed: ${describeNetworkError(error)}`, { cause: error, unconfirmedWrite })
    }
    if (RETRYABLE_STATUSES.has(response.status)) {
      const body = await response.text().catch(() => '')
      throw retryable(options.upstream, `${where} answered ${response.status}${body
        ? `: ${body.slice(0, 300)}`
        : ''}`, {
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      })
    }
    return response
  }
}

function networkErrorCode(error: unknown): string | undefined {
  return (error as { cause?: { code?: string } }).cause?.code
}

function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string, message?: string } }).cause
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error)
}

/**
 * Throws a permanent UpstreamError for an answer that is not ok, quoting the upstream's own message.
 * (Retryable statuses never get here: createUpstreamFetch already threw for them.)
 */
export async function failOn(upstream: Upstream, response: Response, what: string): Promise<never> {
  const body = await response.text().catch(() => '')
  throw permanent(upstream, `${what} was refused with ${response.status}${body
    ? `: ${body.slice(0, 500)}`
    : ''}`, { status: response.status })
}

export { UpstreamError }
