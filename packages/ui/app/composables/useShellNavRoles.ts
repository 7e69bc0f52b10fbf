import type { TEffectiveBrand } from '@dezky/contracts'
import type { TShellNavItem } from './useShellNav'
import { areaRolesOf } from './internal/shell-nav-visibility'

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
    const partner = loaded()
    return partner !== undefined || !slug
      ? partner
      : known.value[slug]
  })
}

/**
 * The roles the signed-in user holds in the current area (`:tenant` / `:partner` of the route), which
 * the sidebar's `visibleTo` rules are checked against. Only an app with such rules asks who the user is,
 * and it is the switcher's request (useShellMe), not another one. `pending`: a rule waits for the answer
 * (not after a failure, where ruled items stay hidden).
 *
 * @example
 * const { roles, pending } = useShellNavRoles()
 * // roles.value → { operator: null, tenant: ['owner'], partner: [] } on /t/acme for acme's owner
 */
export function useShellNavRoles() {
  const route = useRoute()
  const param = (name: string) => {
    const value = (route.params as Record<string, string | string[] | undefined>)[name]
    return typeof value === 'string' && value
      ? value
      : undefined
  }
  const ruled = (useAppConfig().shell.nav as TShellNavItem[]).some(item => item.visibleTo)
  const me = ruled
    ? useShellMe()
    : null
  const tenantPartner = useTenantPartner(() => param('tenant'))
  return {
    roles: computed(() => me?.data.value
      ? areaRolesOf(me.data.value, {
          tenant: param('tenant'),
          partner: param('partner'),
          tenantPartner: tenantPartner.value,
        })
      : null),
    pending: computed(() => !!me && !me.data.value && !me.error.value),
  }
}
