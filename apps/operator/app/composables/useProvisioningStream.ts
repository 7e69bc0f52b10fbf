import type { TProvisioning } from '@dezky/contracts'
import type { Ref } from 'vue'

/**
 * Keeps `view` current from the BFF's proxy of the API's provisioning events while the component is
 * mounted; `live` says whether the stream is connected now (nothing is shown as live otherwise).
 * Reconnection and backoff are the tab's shared streams' (shared-event-source.ts).
 *
 * @example
 * const view = shallowRef(initial)
 * const { live } = useProvisioningStream(() => slug, view)
 */
export function useProvisioningStream(slug: () => string, view: Ref<TProvisioning>) {
  const live = ref(false)
  let stops: (() => void)[] = []

  onMounted(() => {
    const url = `/api/tenants/${slug()}/provisioning/events`
    stops = [
      sharedEventSources.subscribe(url, 'provisioning', (data) => {
        view.value = JSON.parse(data) as TProvisioning
      }),
      sharedEventSources.watchStatus(url, (connected) => {
        live.value = connected
      }),
    ]
  })
  onBeforeUnmount(() => {
    stops.forEach(stop => stop())
    stops = []
    live.value = false
  })
  return { live }
}
