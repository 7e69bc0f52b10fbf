export type Upstream = 'authentik' | 'stalwart' | 'ocis' | 'smtp'

/**
 * An upstream call that failed. `retryable` says whether the same call may succeed later (5xx, timeout,
 * connection reset, 429) or will fail the same way until someone changes the input or the upstream
 * (validation 4xx, 401/403, a missing object the step cannot recreate). The reconciler backs off and
 * retries the first kind and rests a step in `error` on the second.
 */
export class UpstreamError extends Error {
  override name = 'UpstreamError'
  constructor(
    readonly upstream: Upstream,
    message: string,
    readonly retryable: boolean,
    readonly details: {
      status?: number
      /** From a 429's Retry-After: the earliest moment a retry makes sense. */
      retryAfterMs?: number
      cause?: unknown
      /**
       * The call could have changed the upstream but its answer never came (deadline passed, connection
       * reset after sending): e.g. `POST /api/v3/core/groups/`. The step runner audits it as unconfirmed,
       * since the next run may find the change made and adopt it without writing (and so without an entry).
       */
      unconfirmedWrite?: string
    } = {},
  ) {
    super(`${upstream}: ${message}`, { cause: details.cause })
  }
}

/** The same failure with some details changed: a caller that knows more than the fetch adds it. */
export function withDetails(error: UpstreamError, details: Partial<UpstreamError['details']>): UpstreamError {
  const message = error.message.slice(`${error.upstream}: `.length)
  return new UpstreamError(error.upstream, message, error.retryable, {
    ...error.details,
    ...details,
  })
}

export function retryable(upstream: Upstream, message: string, details?: UpstreamError['details']): UpstreamError {
  return new UpstreamError(upstream, message, true, details)
}

export function permanent(upstream: Upstream, message: string, details?: UpstreamError['details']): UpstreamError {
  return new UpstreamError(upstream, message, false, details)
}

/** Errors that are not UpstreamErrors (bugs, a dropped database connection) are retried: they may pass. */
export function isRetryable(error: unknown): boolean {
  return error instanceof UpstreamError
    ? error.retryable
    : true
}
