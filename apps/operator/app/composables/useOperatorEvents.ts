// EventSource retries by itself after a dropped stream (the API ends each one after a few minutes), but
// gives up for good when a reconnect is refused (a 401, a 5xx): then we start over, backing off.
const RETRY_MS = [2_000, 5_000, 15_000, 30_000]

export type TOperatorEventHandlers = Partial<Record<'probe.changed' | 'provisioning.failed', (data: unknown) => void>>

/**
 * Listens to the operators' event stream (the BFF's `/api/events`, a proxy of `GET /operator/events`)
 * while the component is mounted; `live` says whether the stream is connected now. Each handler gets
 * the event's parsed `data` (see `ZProbeChangedEvent`, `ZProvisioningFailedEvent`).
 *
 * @example
 * const { live } = useOperatorEvents({ 'probe.changed': () => refresh() })
 */
export function useOperatorEvents(handlers: TOperatorEventHandlers) {
  const live = ref(false)
  let source: EventSource | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0

  function connect() {
    source = new EventSource('/api/events')
    source.addEventListener('open', () => {
      live.value = true
      failures = 0
    })
    for (const [type, handle] of Object.entries(handlers)) {
      source.addEventListener(type, (event) => {
        handle(JSON.parse((event as MessageEvent<string>).data))
      })
    }
    source.addEventListener('error', () => {
      live.value = false
      if (source?.readyState !== EventSource.CLOSED)
        return
      source = undefined
      retryTimer = setTimeout(connect, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)])
    })
  }

  onMounted(connect)
  onBeforeUnmount(() => {
    clearTimeout(retryTimer)
    source?.close()
    source = undefined
    live.value = false
  })
  return { live }
}
