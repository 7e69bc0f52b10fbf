import type { TShellNavVisibility } from './internal/shell-nav-visibility'
import { isNavItemVisible } from './internal/shell-nav-visibility'

export type { TShellNavVisibility } from './internal/shell-nav-visibility'

export interface TShellNavItem {
  /** Stable id, also the link's test id (`nav-<key>`). */
  key: string
  /** Path; `:tenant` and `:partner` are filled from the current route's params. */
  to: string
  labelKey: string
  /** An UnoCSS icon class, if the app ships an icon set. */
  icon?: string
  /** Only for these roles in the current area (see TShellNavVisibility); without it, for everyone. */
  visibleTo?: TShellNavVisibility
}

/** The layer's own pages, shown when an app configures no navigation of its own. */
const LAYER_NAV: TShellNavItem[] = [
  { key: 'me', to: '/', labelKey: 'shell.nav.me' },
  { key: 'tenants', to: '/tenants', labelKey: 'shell.nav.tenants' },
]
const PLACEHOLDER = /:(tenant|partner)\b/g

/**
 * The sidebar's links for the current route: placeholders resolved, items whose placeholder the route
 * lacks left out (a tenant's pages make no sense on a partner page), items whose `visibleTo` the user's
 * roles in the area (`navRoles`) do not meet left out — all ruled items until `/api/me` has answered —
 * and the active one: the longest link that is the current path or a parent of it, so
 * `/t/acme/users/new` marks "Users", not the dashboard.
 *
 * @example
 * const nav = useShellNav()
 * // nav.value → [{ key: 'users', to: '/t/acme/users', labelKey: 'users.nav', active: true }, …]
 */
export function useShellNav(navRoles = useShellNavRoles()) {
  const appConfig = useAppConfig()
  const route = useRoute()
  return computed(() => {
    const configured = appConfig.shell.nav as TShellNavItem[]
    const params = route.params as Record<string, string | string[] | undefined>
    const items = (configured.length ? configured : LAYER_NAV).flatMap((item) => {
      if (!isNavItemVisible(item.visibleTo, navRoles.roles.value))
        return []
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
