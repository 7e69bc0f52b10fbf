import type { TFlagsChangedEvent } from '@dezky/contracts'
import { sharedEventSources } from '@dezky/ui/app/utils/shared-event-source'

export interface FlagChangeStreamOptions {
  /** The BFF's stream of `flags.changed` events. */
  url: string
  /**
   * Called with the changed keys on each `flags.changed`, and with `null` on each (re)connection: what
   * changed while the stream was not connected (or between the server render and now) is not known.
   */
  onChange: (keys: string[] | null) => void
  /** The tab's shared streams (the layer's; tests pass their own). */
  sources?: typeof sharedEventSources
}

/**
 * Flag changes for every `useFeatureFlag` of a tab, on the layer's shared EventSource for the URL (one per
 * tab, with its reconnect and backoff), kept until `stop`.
 */
export function createFlagChangeStream(options: FlagChangeStreamOptions) {
  const sources = options.sources ?? sharedEventSources
  let stops: (() => void)[] = []

  return {
    /** Subscribes unless subscribed already. */
    start() {
      if (stops.length > 0)
        return
      stops = [
        sources.subscribe(options.url, 'flags.changed', (data) => {
          let keys: string[] | null = null
          try {
            keys = (JSON.parse(data) as TFlagsChangedEvent).keys
          }
          catch {
            // An event we cannot read still says something changed.
          }
          options.onChange(Array.isArray(keys)
            ? keys
            : null)
        }),
        sources.watchStatus(options.url, (live) => {
          if (live)
            options.onChange(null)
        }),
      ]
    },
    stop() {
      stops.forEach(stop => stop())
      stops = []
    },
  }
}
