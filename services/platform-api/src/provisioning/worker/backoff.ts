export interface BackoffOptions {
  baseMs: number
  maxMs: number
}

/**
 * Delay before attempt `attempts + 1`: exponential from `baseMs`, capped at `maxMs`, with "equal
 * jitter" (half fixed, half random) so a burst of failures does not come back as a burst, yet no retry
 * comes sooner than half its step. A 429's Retry-After is a floor.
 *
 * @example
 * backoffDelay(1, { baseMs: 1000, maxMs: 60_000 }) // between 500 and 1000 → clamped to ≥ 1000
 * backoffDelay(10, { baseMs: 1000, maxMs: 60_000 }) // between 30 s and 60 s
 */
export function backoffDelay(attempts: number, options: BackoffOptions, retryAfterMs = 0, random: () => number = Math.random): number {
  const exponential = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempts - 1))
  const jittered = exponential / 2 + random() * exponential / 2
  // The server's Retry-After wins even beyond maxMs (within an hour): retrying sooner only earns another 429.
  return Math.round(Math.max(Math.min(options.maxMs, Math.max(options.baseMs, jittered)), Math.min(retryAfterMs, 3_600_000)))
}
