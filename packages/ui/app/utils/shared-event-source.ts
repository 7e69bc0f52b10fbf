// The browser keeps only a few connections per origin over HTTP/1.1, and every open EventSource holds one:
// a tab that opened one stream per listener (drawer, overview, infrastructure page) could starve its own
// fetches. So each URL gets one EventSource per tab, shared by every listener and closed with the last.

/** How long to wait before starting over once the browser gave up reconnecting (a 401, a 5xx). */
export const STREAM_BACKOFF_MS = [1_000, 2_000, 5_000, 15_000, 30_000] as const

export type TStreamHandler = (data: string) => void

interface SharedStream {
  handlers: Map<string, Set<TStreamHandler>>
  statusListeners: Set<(live: boolean) => void>
  source?: EventSource
  retryTimer?: ReturnType<typeof setTimeout>
  failures: number
  live: boolean
}

export interface SharedEventSourceOptions {
  /** The EventSource constructor (the browser's; tests pass their own). */
  EventSourceImpl?: typeof EventSource
  /** 0.8–1.2, so the tabs of a whole team do not come back in step after an outage. */
  jitter?: () => number
}

export function createSharedEventSources(options: SharedEventSourceOptions = {}) {
  const streams = new Map<string, SharedStream>()
  const jitter = options.jitter ?? (() => 0.8 + Math.random() * 0.4)

  function setLive(stream: SharedStream, live: boolean) {
    stream.live = live
    for (const listener of stream.statusListeners)
      listener(live)
  }

  function listen(stream: SharedStream, type: string) {
    stream.source?.addEventListener(type, (event) => {
      for (const handle of stream.handlers.get(type) ?? [])
        handle((event as MessageEvent<string>).data)
    })
  }

  function connect(url: string, stream: SharedStream) {
    const Impl = options.EventSourceImpl ?? EventSource
    const source = new Impl(url)
    stream.source = source
    source.addEventListener('open', () => {
      stream.failures = 0
      setLive(stream, true)
    })
    for (const type of stream.handlers.keys())
      listen(stream, type)
    source.addEventListener('error', () => {
      setLive(stream, false)
      // EventSource reconnects by itself after a dropped stream (the API ends each after a few minutes);
      // it gives up for good only when a reconnect is refused, and then we start over, backing off.
      if (source.readyState !== Impl.CLOSED || stream.source !== source)
        return
      stream.source = undefined
      const wait = STREAM_BACKOFF_MS[Math.min(stream.failures++, STREAM_BACKOFF_MS.length - 1)]!
      stream.retryTimer = setTimeout(() => {
        stream.retryTimer = undefined
        if (isUsed(stream))
          connect(url, stream)
      }, wait * jitter())
    })
  }

  function isUsed(stream: SharedStream) {
    return stream.statusListeners.size > 0 || [
      ...stream.handlers.values(),
    ].some(set => set.size > 0)
  }

  function release(url: string, stream: SharedStream) {
    if (isUsed(stream))
      return
    clearTimeout(stream.retryTimer)
    stream.source?.close()
    streams.delete(url)
  }

  function streamOf(url: string) {
    let stream = streams.get(url)
    if (!stream) {
      stream = {
        handlers: new Map(),
        statusListeners: new Set(),
        failures: 0,
        live: false,
      }
      streams.set(url, stream)
    }
    return stream
  }

  function ensureConnected(url: string, stream: SharedStream) {
    if (!stream.source && !stream.retryTimer)
      connect(url, stream)
  }

  return {
    /** Calls `handle` with each `type` event's data; returns the unsubscribe. */
    subscribe(url: string, type: string, handle: TStreamHandler): () => void {
      const stream = streamOf(url)
      let handlers = stream.handlers.get(type)
      if (!handlers) {
        handlers = new Set()
        stream.handlers.set(type, handlers)
        listen(stream, type)
      }
      handlers.add(handle)
      ensureConnected(url, stream)
      return () => {
        handlers.delete(handle)
        release(url, stream)
      }
    },
    /** Hears whether the stream is connected (at once, then on each change); returns the unsubscribe. */
    watchStatus(url: string, listener: (live: boolean) => void): () => void {
      const stream = streamOf(url)
      stream.statusListeners.add(listener)
      listener(stream.live)
      ensureConnected(url, stream)
      return () => {
        stream.statusListeners.delete(listener)
        release(url, stream)
      }
    },
  }
}

/** The tab's streams (module state: only ever used in the browser). */
export const sharedEventSources = createSharedEventSources()
