export interface TShellNavItem {
  /** Stable id, also the link's test id (`nav-<key>`). */
  key: string
  /** Path; `:tenant` and `:partner` are filled from the current route's params. */
  to: string
  labelKey: string
  /** An UnoCSS icon class, if the app ships an icon set. */
  icon?: string
}

/** The layer's own pages, shown when an app configures no navigation of its own. */
const LAYER_NAV: TShellNavItem[] = [
  { key: 'me', to: '/', labelKey: 'shell.nav.me' },
  { key: 'tenants', to: '/tenants', labelKey: 'shell.nav.tenants' },
]
const PLACEHOLDER = /:(tenant|partner)\b/g

/**
 * The sidebar's links for the current route: placeholders resolved, items whose placeholder the route
 * lacks left out (a tenant's pages make no sense on a partner page), and the active one — the longest
 * link that is the current path or a parent of it, so `/t/acme/users/new` marks "Users", not the dashboard.
 *
 * @example
 * const nav = useShellNav()
 * // nav.value → [{ key: 'users', to: '/t/acme/users', labelKey: 'users.nav', active: true }, …]
 */
export function useShellNav() {
  const appConfig = useAppConfig()
  const route = useRoute()

  return computed(() => {
    const configured = appConfig.shell.nav as TShellNavItem[]
    const params = route.params as Record<string, string | string[] | undefined>
    const items = (configured.length ? configured : LAYER_NAV).flatMap((item) => {
      let missing = false
      const to = item.to.replace(PLACEHOLDER, (_, name: string) => {
        const value = params[name]
        if (typeof value !== 'string' || !value)
          missing = true
        return encodeURIComponent(String(value ?? ''))
      })
      return missing
        ? []
        : [
            { ...item, to },
          ]
    })
    const path = route.path.replace(/\/+$/, '') || '/'
    const matches = items.filter(item => item.to === path || path.startsWith(item.to === '/'
      ? '/'
      : `${item.to}/`))
    const exact = matches.find(item => item.to === path)
    const active = exact ?? matches.filter(item => item.to !== '/').sort((a, b) => b.to.length - a.to.length)[0]
    return items.map(item => ({ ...item, active: item === active }))
  })
}
