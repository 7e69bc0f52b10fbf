export type TOperatorEventHandlers = Partial<Record<'probe.changed' | 'provisioning.failed', (data: unknown) => void>>

/**
 * Listens to the operators' event stream (the BFF's `/api/events`, a proxy of `GET /operator/events`)
 * while the component is mounted, through the tab's one shared stream (the notification drawer's too);
 * `live` says whether it is connected now. Each handler gets the event's parsed `data` (see
 * `ZProbeChangedEvent`, `ZProvisioningFailedEvent`).
 *
 * @example
 * const { live } = useOperatorEvents({ 'probe.changed': () => refresh() })
 */
export function useOperatorEvents(handlers: TOperatorEventHandlers) {
  const live = ref(false)
  let stops: (() => void)[] = []

  onMounted(() => {
    stops = Object.entries(handlers).map(([type, handle]) =>
      sharedEventSources.subscribe('/api/events', type, data => handle(JSON.parse(data))))
    stops.push(sharedEventSources.watchStatus('/api/events', (connected) => {
      live.value = connected
    }))
  })
  onBeforeUnmount(() => {
    stops.forEach(stop => stop())
    stops = []
    live.value = false
  })
  return { live }
}
