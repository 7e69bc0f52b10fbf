import type { H3Event } from 'h3'
import { fetch as undiciFetch } from 'undici'
import { getAccessToken } from '../internal/access-token'
import { usePlatformApiAgent } from '../internal/platform-api-agent'
import { buildPlatformApiUrl } from '../internal/platform-api-url'
import { useRequestId } from '../internal/request-id'

/** The `fetch` a client library expects (the browser's signature; undici's Response is compatible). */
export type PlatformApiFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>

/**
 * A `fetch` bound to the platform API on behalf of the signed-in user, for client libraries that take a
 * `fetchImplementation` (the OpenFeature OFREP client): each call gets the user's bearer token, the
 * request id and the language exactly as `callPlatformApi` sends them, through the same connection pool.
 * The token is added here and never handed to the caller, and a URL outside the platform API is refused
 * (it would carry the token elsewhere). The answer is returned as it is: status codes, ETags and 304s are
 * the library's to read.
 *
 * @example
 * const api = new OFREPApi({ baseUrl: useRuntimeConfig().platformApiUrl }, createPlatformApiFetch(event))
 */
export function createPlatformApiFetch(event: H3Event): PlatformApiFetch {
  const { platformApiUrl, platformApiTimeoutMs } = useRuntimeConfig()
  const base = new URL(platformApiUrl.endsWith('/')
    ? platformApiUrl
    : `${platformApiUrl}/`)
  return async (input, init = {}) => {
    const target = new URL(input instanceof Request
      ? input.url
      : input)
    if (target.origin !== base.origin || !target.pathname.startsWith(base.pathname))
      throw new Error(`createPlatformApiFetch: ${target.origin}${target.pathname} is not on the platform API`)
    // Rebuilt through callPlatformApi's own check (no `..`, no other host) before the token goes with it.
    const url = buildPlatformApiUrl(platformApiUrl, `/${target.pathname.slice(base.pathname.length)}`)
    target.searchParams.forEach((value, key) => url.searchParams.append(key, value))

    // Client libraries pass a Request (OFREPApi does) or a URL with init; either way, what they set is kept.
    const request = input instanceof Request
      ? input
      : undefined
    const headers = new Headers(request?.headers)
    new Headers(init.headers).forEach((value, key) => headers.set(key, value))
    headers.set('authorization', `Bearer ${await getAccessToken(event)}`)
    headers.set('x-request-id', useRequestId(event))
    const language = getRequestHeader(event, 'accept-language')
    if (language)
      headers.set('accept-language', language)

    const timeout = AbortSignal.timeout(Number(platformApiTimeoutMs) || 10_000)
    const response = await undiciFetch(url, {
      method: init.method ?? request?.method ?? 'GET',
      body: init.body as string | undefined ?? (request?.body
        ? await request.text()
        : undefined),
      headers: Object.fromEntries(headers),
      signal: init.signal
        ? AbortSignal.any([init.signal, timeout])
        : timeout,
      dispatcher: usePlatformApiAgent(),
    })
    return response as unknown as Response
  }
}
