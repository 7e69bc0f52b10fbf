/** Anything that announces typed events: the operators' events, the flag changes. */
export interface EventSourceOfTypes {
  subscribe: (listener: (event: { type: string, data: unknown }) => void) => () => void
}

export interface StreamOperatorEventsOptions {
  events: EventSourceOfTypes
  /** The request's signal: the stream ends when the client goes away. */
  signal: AbortSignal
  /** The stream closes after this long; EventSource reconnects, and the token is checked again. */
  maxMs: number
  heartbeatMs?: number
}

const encoder = new TextEncoder()

/**
 * Server-sent events for the operator console's notification drawer: `probe.changed` and
 * `provisioning.failed`, each as it happens (nothing is replayed: the drawer is news, the probes page and
 * a tenant's provisioning tab hold the state). Same lifetime and heartbeat rules as the provisioning stream.
 * `GET /flags/events` streams flag changes the same way.
 */
export function streamOperatorEvents(options: StreamOperatorEventsOptions): Response {
  let cleanup = () => {}
  let sequence = 0
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let done = false
      const write = (text: string) => {
        if (!done)
          controller.enqueue(encoder.encode(text))
      }
      const unsubscribe = options.events.subscribe((event) => {
        write(`event: ${event.type}\nid: ${++sequence}\ndata: ${JSON.stringify(event.data)}\n\n`)
      })
      const heartbeat = setInterval(write, options.heartbeatMs ?? 15_000, ': keep-alive\n\n')
      const lifetime = setTimeout(finish, options.maxMs)
      function finish() {
        if (done)
          return
        done = true
        unsubscribe()
        clearInterval(heartbeat)
        clearTimeout(lifetime)
        try {
          controller.close()
        }
        catch {}
      }
      cleanup = finish
      options.signal.addEventListener('abort', finish, { once: true })
      write('retry: 3000\n\n')
    },
    cancel() {
      cleanup()
    },
  })
  return new Response(body, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  })
}
