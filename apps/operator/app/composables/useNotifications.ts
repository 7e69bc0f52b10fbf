import type { TNotification } from '~/utils/notification-events'
import { addNotification, countUnread, markRead, toNotification } from '~/utils/notification-events'

const EVENT_TYPES = ['probe.changed', 'provisioning.failed'] as const

// One subscription per tab, whatever mounts the bell: module state, only ever set in the browser.
let unsubscribe: (() => void) | undefined

/**
 * The notification drawer's state: the operators' live events (`/api/events`, a proxy of the API's
 * `GET /operator/events`, on the tab's one shared stream), the last 50 in memory, what is unread, and
 * whether the drawer is open. `start()` subscribes (idempotent); `onEvent` hears each new notification.
 *
 * @example
 * const notifications = useNotifications()
 * onMounted(() => notifications.start(item => console.log(item.id)))
 */
export function useNotifications() {
  const items = useState<TNotification[]>('notifications-items', () => [])
  const live = useState('notifications-live', () => false)
  const open = useState('notifications-open', () => false)

  function subscribe(onEvent: (item: TNotification) => void) {
    const stops = EVENT_TYPES.map(type => sharedEventSources.subscribe('/api/events', type, (data) => {
      const item = toNotification(type, data)
      if (!item || items.value.some(known => known.id === item.id))
        return
      items.value = addNotification(items.value, item)
      onEvent(item)
    }))
    stops.push(sharedEventSources.watchStatus('/api/events', (connected) => {
      live.value = connected
    }))
    return () => stops.forEach(stop => stop())
  }

  return {
    items,
    live,
    open,
    unread: computed(() => countUnread(items.value)),
    start(onEvent: (item: TNotification) => void = () => {}) {
      if (import.meta.client && !unsubscribe)
        unsubscribe = subscribe(onEvent)
    },
    stop() {
      unsubscribe?.()
      unsubscribe = undefined
      live.value = false
    },
    markRead(id?: string) {
      items.value = markRead(items.value, id)
    },
  }
}
