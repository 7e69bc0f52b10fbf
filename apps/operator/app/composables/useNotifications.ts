import type { TNotification } from '~/utils/notification-events'
import { addNotification, countUnread, markRead, toNotification } from '~/utils/notification-events'

// EventSource reconnects by itself after a dropped stream (the API ends each after a few minutes) but
// gives up for good when a reconnect is refused (401, 5xx): then we start over, waiting longer each time.
const BACKOFF_MS = [1_000, 2_000, 5_000, 15_000, 30_000]
const EVENT_TYPES = ['probe.changed', 'provisioning.failed'] as const

// One stream per tab, whatever mounts the bell: module state, only ever set in the browser.
let source: EventSource | undefined
let retryTimer: ReturnType<typeof setTimeout> | undefined
let failures = 0

/**
 * The notification drawer's state: the operators' live events (`/api/events`, a proxy of the API's
 * `GET /operator/events`), the last 50 in memory, what is unread, and whether the drawer is open.
 * `start()` opens the tab's one stream (idempotent); `onEvent` hears each new notification.
 *
 * @example
 * const notifications = useNotifications()
 * onMounted(() => notifications.start(item => console.log(item.id)))
 */
export function useNotifications() {
  const items = useState<TNotification[]>('notifications-items', () => [])
  const live = useState('notifications-live', () => false)
  const open = useState('notifications-open', () => false)

  function connect(onEvent: (item: TNotification) => void) {
    source = new EventSource('/api/events')
    source.addEventListener('open', () => {
      live.value = true
      failures = 0
    })
    for (const type of EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        const item = toNotification(type, (event as MessageEvent<string>).data)
        if (!item || items.value.some(known => known.id === item.id))
          return
        items.value = addNotification(items.value, item)
        onEvent(item)
      })
    }
    source.addEventListener('error', () => {
      live.value = false
      if (source?.readyState !== EventSource.CLOSED)
        return
      source = undefined
      const wait = BACKOFF_MS[Math.min(failures++, BACKOFF_MS.length - 1)]!
      // Jitter, so the tabs of a whole team do not come back in step after an outage.
      retryTimer = setTimeout(() => {
        retryTimer = undefined
        connect(onEvent)
      }, wait * (0.8 + Math.random() * 0.4))
    })
  }

  return {
    items,
    live,
    open,
    unread: computed(() => countUnread(items.value)),
    start(onEvent: (item: TNotification) => void = () => {}) {
      if (import.meta.client && !source && !retryTimer)
        connect(onEvent)
    },
    stop() {
      clearTimeout(retryTimer)
      retryTimer = undefined
      source?.close()
      source = undefined
      live.value = false
    },
    markRead(id?: string) {
      items.value = markRead(items.value, id)
    },
  }
}
