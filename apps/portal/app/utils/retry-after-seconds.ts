/**
 * Seconds to wait from a rate-limited `$fetch` error's `Retry-After` header (RFC 9110 §10.2.3: seconds
 * or an HTTP date), or null when the error is not a 429. A 429 without a usable header waits 10 s.
 *
 * @example
 * catch (error) { const wait = retryAfterSeconds(error) } // 7
 */
export function retryAfterSeconds(error: unknown, now = Date.now()): number | null {
  const failure = error as { statusCode?: number, response?: { headers?: Headers } } | null
  if (failure?.statusCode !== 429)
    return null
  const header = failure.response?.headers?.get('retry-after')?.trim()
  if (header && /^\d+$/.test(header))
    return Math.max(1, Number(header))
  const date = header
    ? Date.parse(header)
    : Number.NaN
  return Number.isNaN(date)
    ? 10
    : Math.max(1, Math.ceil((date - now) / 1000))
}
