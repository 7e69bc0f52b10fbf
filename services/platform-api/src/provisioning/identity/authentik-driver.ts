import { Configuration, CoreApi, FetchError, ResponseError } from '@goauthentik/api'
import { permanent, retryable, UpstreamError } from '../upstream-error'
import { createUpstreamFetch } from '../upstream-fetch'

export interface AuthentikDriverOptions {
  /** Authentik's origin, e.g. `https://auth.example.com` (the driver adds `/api/v3`). */
  baseUrl: string
  /** An API token (intent `api`) of a user allowed to manage users and groups. */
  apiToken: string
  timeoutMs: number
  fetch?: typeof fetch
}

export interface AuthentikDriver {
  core: CoreApi
  /**
   * Runs one generated-client call with `ctx.signal`, turning its errors into UpstreamErrors: retryable
   * ones come from createUpstreamFetch, any other non-2xx becomes a permanent error quoting Authentik.
   */
  call: <T>(what: string, run: (init: RequestInit) => Promise<T>, signal?: AbortSignal) => Promise<T>
}

/** `a/b/` and `a/b/api/v3` both name the API at `a/b/api/v3`. */
function apiBase(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '')
  return trimmed.endsWith('/api/v3')
    ? trimmed
    : `${trimmed}/api/v3`
}

async function refused(what: string, error: ResponseError): Promise<UpstreamError> {
  const body = await error.response.text().catch(() => '')
  // An object this run just listed and that is now gone was deleted behind our back meanwhile: the
  // next attempt lists again and recreates it, so this is worth retrying rather than resting on.
  if (error.response.status === 404)
    return retryable('authentik', `${what}: not found (404), changed upstream during the run`, { status: 404, cause: error })
  return permanent('authentik', `${what} was refused with ${error.response.status}${body
    ? `: ${body.slice(0, 500)}`
    : ''}`, { status: error.response.status, cause: error })
}

/**
 * The Authentik driver: `@goauthentik/api`'s CoreApi over createUpstreamFetch.
 *
 * @example
 * const driver = createAuthentikDriver({ baseUrl: 'http://127.0.0.1:4010', apiToken, timeoutMs: 10_000 })
 * const groups = await driver.call('list groups', init => driver.core.coreGroupsList({ name: 'x' }, init))
 */
export function createAuthentikDriver(options: AuthentikDriverOptions): AuthentikDriver {
  const core = new CoreApi(new Configuration({
    basePath: apiBase(options.baseUrl),
    accessToken: async () => options.apiToken,
    fetchApi: createUpstreamFetch({ upstream: 'authentik', timeoutMs: options.timeoutMs, fetch: options.fetch }),
  }))
  return {
    core,
    async call(what, run, signal) {
      try {
        return await run(signal
          ? { signal }
          : {})
      }
      catch (error) {
        if (error instanceof ResponseError)
          throw await refused(what, error)
        // The generated client wraps whatever its fetch throws in a FetchError; the UpstreamError that
        // createUpstreamFetch threw (timeout, reset, 429, 5xx) is its cause.
        if (error instanceof FetchError && error.cause instanceof UpstreamError)
          throw error.cause
        if (error instanceof FetchError && error.cause)
          throw error.cause
        throw error
      }
    },
  }
}
