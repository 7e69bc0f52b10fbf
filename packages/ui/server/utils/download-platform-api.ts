import type { H3Event } from 'h3'
import type { Dispatcher } from 'undici'
import type { PlatformApiQuery } from '../internal/platform-api-url'
import { request } from 'undici'
import { getAccessToken } from '../internal/access-token'
import { usePlatformApiAgent } from '../internal/platform-api-agent'
import { buildPlatformApiUrl } from '../internal/platform-api-url'
import { problemError, unavailableError } from '../internal/problem-error'
import { useRequestId } from '../internal/request-id'

export interface DownloadPlatformApiOptions {
  query?: PlatformApiQuery
  /** The file name the browser saves; `[\w.-]` only, so it needs no quoting rules beyond RFC 6266's. */
  filename: string
  /** The content types the API may answer with; anything else is a 502 (never passed on as a download). */
  contentTypes: readonly string[]
}

const SAFE_FILENAME = /^[\w.-]{1,128}$/

/**
 * Passes one of the platform API's file downloads (an export) to the browser on behalf of the signed-in
 * user, chunk by chunk: the BFF never holds the whole file, however large. An API error answers before
 * anything is streamed, with the same status; when the browser goes away the upstream request is aborted.
 * A download that breaks mid-way ends the response abruptly, so the browser sees a failed download rather
 * than a short file that looks complete.
 *
 * @example
 * // server/api/audit/export.get.ts
 * export default defineEventHandler(async (event) => {
 *   const { format, ...query } = await getValidatedQuery(event, ZQuery.parse)
 *   return downloadPlatformApi(event, '/audit/export', { query: { ...query, format }, filename: `audit.${format}`, contentTypes: ['text/csv'] })
 * })
 */
export async function downloadPlatformApi(event: H3Event, path: string, options: DownloadPlatformApiOptions): Promise<void> {
  if (!SAFE_FILENAME.test(options.filename))
    throw new Error(`downloadPlatformApi: "${options.filename}" is not a safe file name`)
  const { platformApiUrl, platformApiTimeoutMs } = useRuntimeConfig()
  const requestId = useRequestId(event)
  const accessToken = await getAccessToken(event)
  const url = buildPlatformApiUrl(platformApiUrl, path, options.query)
  const timeout = Number(platformApiTimeoutMs) || 10_000
  const res = event.node.res
  const abort = new AbortController()
  const onClose = () => abort.abort()
  res.once('close', onClose)

  let response: Dispatcher.ResponseData
  try {
    response = await request(url, {
      method: 'GET',
      // Its own pool: an export may hold a connection for a while, like an event stream.
      dispatcher: usePlatformApiAgent('stream'),
      headers: {
        'accept': `${options.contentTypes.join(', ')}, application/problem+json`,
        'authorization': `Bearer ${accessToken}`,
        'x-request-id': requestId,
      },
      signal: abort.signal,
      headersTimeout: timeout,
      // Between two chunks, not for the whole file.
      bodyTimeout: timeout,
    })
  }
  catch (error) {
    res.off('close', onClose)
    if (abort.signal.aborted)
      return
    console.warn(`[platform-api] download ${url.pathname} failed (request ${requestId}):`, (error as Error).message)
    throw unavailableError(requestId)
  }

  const contentType = String(response.headers['content-type'] ?? '')
  const expected = options.contentTypes.includes(contentType.split(';')[0]!.trim())
  if (response.statusCode !== 200 || !expected) {
    res.off('close', onClose)
    const text = await response.body.text().catch(() => '')
    if (response.statusCode < 400) {
      console.warn(`[platform-api] download ${url.pathname} answered ${response.statusCode} ${contentType} (request ${requestId})`)
      throw unavailableError(requestId, 502)
    }
    throw problemError(response.statusCode, parseJson(text), requestId)
  }

  res.statusCode = 200
  res.setHeader('content-type', contentType)
  res.setHeader('content-disposition', `attachment; filename="${options.filename}"`)
  res.setHeader('cache-control', 'no-store')
  res.setHeader('x-content-type-options', 'nosniff')
  res.flushHeaders()

  const body = response.body
  await new Promise<void>((resolve) => {
    let done = false
    // The browser left (or the response ended): nothing more to send.
    function onClosed() {
      finish(false)
    }
    function finish(broken: boolean) {
      if (done)
        return
      done = true
      res.off('close', onClosed)
      body.unpipe(res)
      // A broken upstream must not look like a complete file: destroy instead of ending cleanly.
      if (broken)
        res.destroy()
      else if (!res.writableEnded)
        res.end()
      resolve()
    }
    body.once('end', () => finish(false))
    body.once('error', (error) => {
      if (!abort.signal.aborted)
        console.warn(`[platform-api] download ${url.pathname} broke mid-way (request ${requestId}):`, error.message)
      finish(true)
    })
    res.once('close', onClosed)
    body.pipe(res, { end: false })
  })
  res.off('close', onClose)
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  }
  catch {
    return undefined
  }
}
