import type { H3Event } from 'h3'
import type { z } from 'zod'
import type { PlatformApiQuery } from '../internal/platform-api-url'
import { request } from 'undici'
import { getAccessToken } from '../internal/access-token'
import { usePlatformApiAgent } from '../internal/platform-api-agent'
import { buildPlatformApiUrl } from '../internal/platform-api-url'
import { problemError, unavailableError } from '../internal/problem-error'
import { useRequestId } from '../internal/request-id'

export type { PlatformApiQuery }

export interface PlatformApiOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: PlatformApiQuery
  body?: unknown
  /** The contract of a successful answer (from `@dezky/contracts`); anything else is a 502. */
  schema: S
  /** Request headers the API reads beyond the standard ones (e.g. `if-match` for optimistic concurrency). */
  headers?: Record<string, string>
}

/**
 * Calls the platform API on behalf of the signed-in user: the BFF's only way out.
 *
 * Forwards the user's access token (kept server-side) as `Authorization: Bearer`, propagates
 * `X-Request-Id`, times out after `platformApiTimeoutMs`, validates the answer with `schema`, and turns
 * API problems into h3 errors with the same status and a user-safe message (network failure → 503,
 * an answer that breaks the contract → 502).
 *
 * @example
 * // server/api/tenants.get.ts
 * export default defineEventHandler(async (event) => {
 *   const query = await getValidatedQuery(event, ZPageQuery.parse)
 *   return callPlatformApi(event, '/tenants', { query, schema: ZPage(ZTenant) })
 * })
 */
export async function callPlatformApi<S extends z.ZodType>(
  event: H3Event,
  path: string,
  options: PlatformApiOptions<S>,
): Promise<z.output<S>> {
  // Not per request: these keys never vary by request, and the process-wide config needs no copy.
  const { platformApiUrl, platformApiTimeoutMs } = useRuntimeConfig()
  const requestId = useRequestId(event)

  const accessToken = await getAccessToken(event)
  const url = buildPlatformApiUrl(platformApiUrl, path, options.query)
  const hasBody = options.body !== undefined
  const timeout = Number(platformApiTimeoutMs) || 10_000

  let status: number
  let text: string
  try {
    const response = await request(url, {
      method: options.method ?? 'GET',
      dispatcher: usePlatformApiAgent(),
      headers: {
        'accept': 'application/json, application/problem+json',
        'authorization': `Bearer ${accessToken}`,
        'x-request-id': requestId,
        ...(getRequestHeader(event, 'accept-language') && {
          'accept-language': getRequestHeader(event, 'accept-language'),
        }),
        ...(hasBody && { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: hasBody
        ? JSON.stringify(options.body)
        : undefined,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      signal: AbortSignal.timeout(timeout),
    })
    status = response.statusCode
    // A rate-limited page tells the user when to try again: seconds or an HTTP date (RFC 9110 §10.2.3),
    // passed on as is (h3's typed setter only takes seconds).
    const retryAfter = response.headers['retry-after']
    if (status === 429 && typeof retryAfter === 'string')
      event.node.res.setHeader('retry-after', retryAfter)
    text = await response.body.text()
  }
  catch (error) {
    console.warn(`[platform-api] ${options.method ?? 'GET'} ${url.pathname} failed (request ${requestId}):`, (error as Error).message)
    throw unavailableError(requestId)
  }

  let body: unknown
  try {
    body = text
      ? JSON.parse(text)
      : undefined
  }
  catch {
    body = undefined
    if (status < 400) {
      console.warn(`[platform-api] ${url.pathname} answered ${status} with a body that is not JSON (request ${requestId})`)
      throw unavailableError(requestId, 502)
    }
  }

  if (status >= 400)
    throw problemError(status, body, requestId)

  const parsed = options.schema.safeParse(body)
  if (!parsed.success) {
    console.warn(`[platform-api] ${url.pathname} broke its contract (request ${requestId}):`, parsed.error.issues.slice(0, 5))
    throw unavailableError(requestId, 502)
  }
  return parsed.data
}
