import type { H3Event } from 'h3'
import type { Dispatcher } from 'undici'
import { request } from 'undici'
import { problemError, unavailableError } from './problem-error'

export interface EventStreamUpstream {
  url: URL
  /** Sent as they are (authorization, request id, language). */
  headers: Record<string, string>
  dispatcher: Dispatcher
  requestId: string
  /** How long the upstream may take to answer with its status line. */
  headersTimeoutMs: number
}

/**
 * Pipes an upstream `text/event-stream` to the browser byte for byte (events, comments used as
 * heartbeats, `retry:` hints), without buffering. An upstream error status becomes the same h3 error
 * before anything is streamed, so `EventSource` sees a failed connection rather than an empty stream.
 * When the browser goes away the upstream request is aborted; when the upstream ends, so does the
 * browser's response (and `EventSource` reconnects).
 */
export async function proxyEventStream(event: H3Event, upstream: EventStreamUpstream): Promise<void> {
  const res = event.node.res
  const abort = new AbortController()
  const onClose = () => abort.abort()
  res.once('close', onClose)

  let response: Dispatcher.ResponseData
  try {
    response = await request(upstream.url, {
      method: 'GET',
      dispatcher: upstream.dispatcher,
      headers: { ...upstream.headers, accept: 'text/event-stream' },
      signal: abort.signal,
      headersTimeout: upstream.headersTimeoutMs,
      // The stream is long-lived and quiet between heartbeats; the upstream bounds its own lifetime.
      bodyTimeout: 0,
    })
  }
  catch (error) {
    res.off('close', onClose)
    if (abort.signal.aborted)
      return
    console.warn(`[platform-api] stream ${upstream.url.pathname} failed (request ${upstream.requestId}):`, (error as Error).message)
    throw unavailableError(upstream.requestId)
  }

  const contentType = String(response.headers['content-type'] ?? '')
  if (response.statusCode !== 200 || !contentType.startsWith('text/event-stream')) {
    res.off('close', onClose)
    const text = await response.body.text().catch(() => '')
    if (response.statusCode < 400) {
      console.warn(`[platform-api] stream ${upstream.url.pathname} answered ${response.statusCode} ${contentType} (request ${upstream.requestId})`)
      throw unavailableError(upstream.requestId, 502)
    }
    throw problemError(response.statusCode, parseJson(text), upstream.requestId)
  }

  res.statusCode = 200
  res.setHeader('content-type', 'text/event-stream; charset=utf-8')
  res.setHeader('cache-control', 'no-cache, no-transform')
  // nginx and similar proxies would otherwise hold events back until a buffer fills.
  res.setHeader('x-accel-buffering', 'no')
  res.flushHeaders()

  const body = response.body
  await new Promise<void>((resolve) => {
    let done = false
    const finish = () => {
      if (done)
        return
      done = true
      res.off('close', finish)
      body.unpipe(res)
      if (!res.writableEnded)
        res.end()
      resolve()
    }
    body.once('end', finish)
    // An aborted upstream (the browser left) or a broken one: either way this response is over.
    body.once('error', finish)
    res.once('close', finish)
    body.pipe(res, { end: false })
  })
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  }
  catch {
    return undefined
  }
}
