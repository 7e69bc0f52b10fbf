import type { TFlagsChangedEvent } from '@dezky/contracts'

/** How long to wait before starting over once the browser gave up reconnecting (a 401, a 5xx). */
export const FLAG_STREAM_BACKOFF_MS = [1_000, 2_000, 5_000, 15_000, 30_000] as const

export interface FlagChangeStreamOptions {
  /** The BFF's stream of `flags.changed` events. */
  url: string
  /**
   * Called with the changed keys on each `flags.changed`, and with `null` on each (re)connection: what
   * changed while the stream was not connected (or between the server render and now) is not known.
   */
  onChange: (keys: string[] | null) => void
  /** The EventSource constructor (the browser's; tests pass their own). */
  EventSourceImpl?: typeof EventSource
  /** 0.8–1.2, so the tabs of a whole team do not come back in step after an outage. */
  jitter?: () => number
}

/**
 * One EventSource for flag changes, started once per tab (every `useFeatureFlag` shares it) and kept for
 * the tab's life. EventSource reconnects by itself after a dropped stream; when it gives up (a refused
 * reconnect), this starts over after a growing pause.
 */
export function createFlagChangeStream(options: FlagChangeStreamOptions) {
  const Impl = options.EventSourceImpl ?? EventSource
  const jitter = options.jitter ?? (() => 0.8 + Math.random() * 0.4)
  let source: EventSource | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0
  let started = false

  function connect() {
    const current = new Impl(options.url)
    source = current
    current.addEventListener('open', () => {
      failures = 0
      options.onChange(null)
    })
    current.addEventListener('flags.changed', (event) => {
      let keys: string[] | null = null
      try {
        keys = (JSON.parse((event as MessageEvent<string>).data) as TFlagsChangedEvent).keys
      }
      catch {
        // An event we cannot read still says something changed.
      }
      options.onChange(Array.isArray(keys)
        ? keys
        : null)
    })
    current.addEventListener('error', () => {
      if (current.readyState !== Impl.CLOSED || source !== current)
        return
      source = undefined
      const wait = FLAG_STREAM_BACKOFF_MS[Math.min(failures++, FLAG_STREAM_BACKOFF_MS.length - 1)]!
      retryTimer = setTimeout(() => {
        retryTimer = undefined
        if (started)
          connect()
      }, wait * jitter())
    })
  }

  return {
    /** Opens the stream unless it is open already (or waiting to reconnect). */
    start() {
      if (started)
        return
      started = true
      connect()
    },
    stop() {
      started = false
      clearTimeout(retryTimer)
      retryTimer = undefined
      source?.close()
      source = undefined
    },
  }
}
