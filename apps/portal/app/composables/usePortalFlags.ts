import type { NuxtApp } from '#app'

interface TFlagsEntry {
  flags: TPortalFlags['flags']
  /** Null when the flags could not be read: the defaults apply, and the next change asks again. */
  etag: string | null
}

/** Flags by tenant slug ('' off the tenant pages), server-rendered into the payload and kept live. */
const STATE_KEY = 'portal-flags'

// Loads under way, per app instance (one per request on the server, one per tab in the browser).
const loads = new WeakMap<NuxtApp, Map<string, Promise<void>>>()

// The tab's one stream of flag changes (browser only).
let stream: ReturnType<typeof createFlagChangeStream> | undefined

function flagsQuery(tenant: string, locale: string) {
  return {
    ...(tenant && { tenant }),
    locale,
  }
}

/** Asks for `tenant`'s flags again with the ETag it has: a 304 leaves them as they are. */
async function refreshEntry(store: Ref<Record<string, TFlagsEntry>>, tenant: string, locale: string) {
  const entry = store.value[tenant]
  const response = await fetch(`/api/flags?${new URLSearchParams(flagsQuery(tenant, locale))}`, {
    headers: entry?.etag
      ? { 'if-none-match': entry.etag }
      : {},
    cache: 'no-store',
  }).catch(() => null)
  // Not reachable or refused for now: the last known values stay until the next change or reconnect.
  if (response?.status !== 200)
    return
  const parsed = ZPortalFlags.safeParse(await response.json().catch(() => null))
  if (parsed.success)
    store.value = { ...store.value, [tenant]: parsed.data }
}

/**
 * The portal's feature flags for the current route's tenant: read by the server during the render (the
 * HTML already has the right state), carried to the browser in the payload, then updated live through the
 * tab's one `/api/flags/events` stream. Undefined until known; `useFeatureFlag` applies the defaults.
 */
export function usePortalFlags() {
  const nuxtApp = useNuxtApp()
  const route = useRoute()
  const requestFetch = useRequestFetch()
  const store = useState<Record<string, TFlagsEntry>>(STATE_KEY, () => ({}))
  const tenant = computed(() => typeof route.params.tenant === 'string'
    ? route.params.tenant
    : '')
  const locale = () => nuxtApp.$i18n.locale.value

  function load(): Promise<void> {
    const scope = tenant.value
    if (store.value[scope])
      return Promise.resolve()
    let pending = loads.get(nuxtApp)
    if (!pending) {
      pending = new Map()
      loads.set(nuxtApp, pending)
    }
    const inFlight = pending
    let loading = inFlight.get(scope)
    if (!loading) {
      loading = requestFetch('/api/flags', {
        query: flagsQuery(scope, locale()),
      })
        .then(answer => ZPortalFlags.parse(answer) as TFlagsEntry)
        // A flag never breaks a page: unknown flags have their default value.
        .catch((): TFlagsEntry => ({ flags: {}, etag: null }))
        .then((entry) => {
          store.value = { ...store.value, [scope]: entry }
        })
        .finally(() => inFlight.delete(scope))
      inFlight.set(scope, loading)
    }
    return loading
  }

  if (import.meta.server) {
    // Started now, beside the page's own requests; the render waits for it.
    const loading = load()
    if (getCurrentInstance())
      onServerPrefetch(() => loading)
  }
  else {
    watch(tenant, () => load(), { immediate: true })
    stream ??= createFlagChangeStream({
      url: '/api/flags/events',
      onChange: (keys) => {
        if (keys && !keys.some(key => key in PORTAL_FLAG_DEFAULTS))
          return
        for (const scope of Object.keys(store.value))
          void refreshEntry(store, scope, locale())
      },
    })
    stream.start()
  }

  return computed(() => store.value[tenant.value]?.flags)
}
