import type { H3Event } from 'h3'
import { getAccessToken } from '../internal/access-token'
import { usePlatformApiAgent } from '../internal/platform-api-agent'
import { buildPlatformApiUrl } from '../internal/platform-api-url'
import { proxyEventStream } from '../internal/proxy-event-stream'
import { useRequestId } from '../internal/request-id'

/**
 * Proxies one of the platform API's server-sent event streams to the browser on behalf of the signed-in
 * user. `EventSource` cannot send an `Authorization` header, so the browser opens this BFF route with its
 * session cookie and the bearer token is added here, on the server, exactly as `callPlatformApi` does.
 *
 * Errors the API answers before streaming (401, 403, 404, …) become the same status; the upstream
 * request is aborted as soon as the browser disconnects.
 *
 * @example
 * // server/api/tenants/[tenant]/provisioning/events.get.ts
 * export default defineEventHandler(async (event) => {
 *   const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
 *   return streamPlatformApi(event, `/tenants/${tenant}/provisioning/events`)
 * })
 */
export async function streamPlatformApi(event: H3Event, path: string): Promise<void> {
  const { platformApiUrl, platformApiTimeoutMs } = useRuntimeConfig(event)
  const requestId = useRequestId(event)
  const accessToken = await getAccessToken(event)
  const language = getRequestHeader(event, 'accept-language')
  await proxyEventStream(event, {
    url: buildPlatformApiUrl(platformApiUrl, path),
    headers: {
      'authorization': `Bearer ${accessToken}`,
      'x-request-id': requestId,
      ...(language && { 'accept-language': language }),
    },
    dispatcher: usePlatformApiAgent('stream'),
    requestId,
    headersTimeoutMs: Number(platformApiTimeoutMs) || 10_000,
  })
}
