import type { TEffectiveBrand } from '@dezky/contracts'
import type { TShellNavVisibility } from './internal/shell-nav-visibility'
import { areaRolesOf, isNavItemVisible } from './internal/shell-nav-visibility'

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
 * The partner of the page's tenant, from the brand the loader fetched for it (the effective brand names
 * it): no request of its own. Remembered per tenant, so a brand reloaded after a branding change does not
 * hide a partner's items meanwhile. Undefined while unknown, e.g. for a tenant the user cannot see.
 */
function useTenantPartner(tenant: () => string | undefined) {
  const brand = useBrandState()
  const known = useState<Record<string, string | null>>('dz-shell-tenant-partners', () => ({}))
  const loaded = () => {
    const slug = tenant()
    const source = slug
      ? brand.value.cache[brandAreaKey({ kind: 'tenant', slug })] as Partial<TEffectiveBrand> | null | undefined
      : undefined
    return source
      ? source.partnerSlug ?? null
      : undefined
  }
  watch(loaded, (partner) => {
    const slug = tenant()
    if (slug && partner !== undefined)
      known.value[slug] = partner
  }, { immediate: true })
  return computed(() => {
    const slug = tenant()
    return loaded() ?? (slug
      ? known.value[slug]
      : undefined)
  })
}

/**
 * The sidebar's links for the current route: placeholders resolved, items whose placeholder the route
 * lacks left out (a tenant's pages make no sense on a partner page), items whose `visibleTo` the user's
 * roles in the area do not meet left out (once `/api/me` has answered, in the browser), and the active one — the longest
 * link that is the current path or a parent of it, so `/t/acme/users/new` marks "Users", not the dashboard.
 *
 * @example
 * const nav = useShellNav()
 * // nav.value → [{ key: 'users', to: '/t/acme/users', labelKey: 'users.nav', active: true }, …]
 */
export function useShellNav() {
  const appConfig = useAppConfig()
  const route = useRoute()
  const param = (name: string) => {
    const value = (route.params as Record<string, string | string[] | undefined>)[name]
    return typeof value === 'string' && value
      ? value
      : undefined
  }
  // Only an app with role rules asks who the user is; it is the switcher's request, not another one.
  const ruled = (appConfig.shell.nav as TShellNavItem[]).some(item => item.visibleTo)
  const me = ruled
    ? useShellMe().data
    : ref(null)
  const tenantPartner = useTenantPartner(() => param('tenant'))
  const roles = computed(() => me.value
    ? areaRolesOf(me.value, {
        tenant: param('tenant'),
        partner: param('partner'),
        tenantPartner: tenantPartner.value,
      })
    : null)

  return computed(() => {
    const configured = appConfig.shell.nav as TShellNavItem[]
    const params = route.params as Record<string, string | string[] | undefined>
    const items = (configured.length ? configured : LAYER_NAV).flatMap((item) => {
      if (!isNavItemVisible(item.visibleTo, roles.value))
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
