import type { TProvisioning } from '@dezky/contracts'
import type { Ref } from 'vue'

// EventSource retries by itself after a dropped stream (the API ends each one after a few minutes), but
// gives up for good when a reconnect is refused (a 401, a 5xx): then we start over, backing off.
const RETRY_MS = [2_000, 5_000, 15_000, 30_000]

/**
 * Keeps `view` current from the BFF's proxy of the API's provisioning events while the component is
 * mounted; `live` says whether the stream is connected now (nothing is shown as live otherwise).
 *
 * @example
 * const view = shallowRef(initial)
 * const { live } = useProvisioningStream(() => slug, view)
 */
export function useProvisioningStream(slug: () => string, view: Ref<TProvisioning>) {
  const live = ref(false)
  let source: EventSource | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let failures = 0

  function connect() {
    source = new EventSource(`/api/tenants/${slug()}/provisioning/events`)
    source.addEventListener('open', () => {
      live.value = true
      failures = 0
    })
    source.addEventListener('provisioning', (event) => {
      view.value = JSON.parse((event as MessageEvent<string>).data) as TProvisioning
    })
    source.addEventListener('error', () => {
      live.value = false
      if (source?.readyState !== EventSource.CLOSED)
        return
      source = undefined
      retryTimer = setTimeout(connect, RETRY_MS[Math.min(failures++, RETRY_MS.length - 1)])
    })
  }

  function disconnect() {
    clearTimeout(retryTimer)
    source?.close()
    source = undefined
    live.value = false
  }

  onMounted(connect)
  onBeforeUnmount(disconnect)
  return { live }
}
