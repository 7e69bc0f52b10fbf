import type { TBranding, TEffectiveBrand, TMe, TPartner } from '@dezky/contracts'

/** Brand fields as stored for a deployment, partner or tenant: any of them may be unset or malformed. */
export interface TBrandSource {
  productName?: string | null
  logoUrl?: string | null
  primaryColor?: string | null
  accentColor?: string | null
}

export interface TResolvedBrand {
  productName: string
  logoUrl: string | null
  primaryColor: string
  accentColor: string
  /** Text colour on the primary colour (whichever of ink and white contrasts more). */
  onPrimary: string
  /** Declarations for `<html style>` that override the design tokens. */
  cssVars: string
}

/** Which brand a page shows: a tenant's, a partner's, or (elsewhere) the signed-in user's first one. */
export type TBrandArea = { kind: 'tenant' | 'partner', slug: string } | { kind: 'home' }

const DEFAULTS = { productName: 'Dezky', primaryColor: '#1d4ed8', accentColor: '#d97706' }
const HEX_COLOUR = /^#[0-9a-f]{6}$/i
const [INK, WHITE] = ['#111827', '#ffffff']
const AREA_PATH = /^\/([tp])\/([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)(?:\/|$)/

/** `value` if it is a `#rrggbb` colour, else null: brand colours end up in a style attribute. */
export function safeColour(value: string | null | undefined): string | null {
  return value && HEX_COLOUR.test(value)
    ? value.toLowerCase()
    : null
}

/** `value` if it is an https URL (or http on localhost, for development), else null. */
export function safeLogoUrl(value: string | null | undefined): string | null {
  if (!value)
    return null
  try {
    const url = new URL(value)
    const local = url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    return url.protocol === 'https:' || local
      ? url.href
      : null
  }
  catch {
    return null
  }
}

/**
 * WCAG 2.x contrast ratio of two `#rrggbb` colours (1 to 21; AA asks 4.5 for text).
 *
 * @example
 * contrastRatio('#ffffff', '#1d4ed8') // ≈ 6.7
 */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const channel = (offset: number) => {
      const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255
      return value <= 0.04045
        ? value / 12.92
        : ((value + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
  }
  const [light, dark] = [
    luminance(a),
    luminance(b),
  ].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

/** The text colour (ink or white) with the higher contrast on `background`. */
export function readableOn(background: string): string {
  return contrastRatio(INK, background) >= contrastRatio(WHITE, background)
    ? INK
    : WHITE
}

/**
 * The brand to show: each field of `override` when it is valid, else the deployment's `defaults`,
 * else Dezky's. Invalid colours and logo URLs are dropped so stored data cannot inject CSS or scripts.
 *
 * @example
 * resolveBrand({ productName: 'Dezky' }, { productName: 'Nimbus', primaryColor: 'red' }).primaryColor // '#1d4ed8'
 */
export function resolveBrand(defaults: TBrandSource, override?: TBrandSource | null): TResolvedBrand {
  const productName = override?.productName?.trim().slice(0, 80)
    || defaults.productName?.trim()
    || DEFAULTS.productName
  const primaryColor = safeColour(override?.primaryColor) ?? safeColour(defaults.primaryColor) ?? DEFAULTS.primaryColor
  const accentColor = safeColour(override?.accentColor) ?? safeColour(defaults.accentColor) ?? DEFAULTS.accentColor
  const onPrimary = readableOn(primaryColor)
  return {
    productName,
    logoUrl: safeLogoUrl(override?.logoUrl) ?? safeLogoUrl(defaults.logoUrl),
    primaryColor,
    accentColor,
    onPrimary,
    cssVars: `--dz-primary:${primaryColor};--dz-on-primary:${onPrimary};--dz-accent:${accentColor}`,
  }
}

const AREA_KINDS = { t: 'tenant', p: 'partner' } as const

/** The brand area of a portal path: `/t/<tenant>…`, `/p/<partner>…`, or anything else. */
export function brandAreaOf(path: string): TBrandArea {
  const match = AREA_PATH.exec(path)
  return match
    ? { kind: AREA_KINDS[match[1] as 't' | 'p'], slug: match[2]! }
    : { kind: 'home' }
}

export function brandAreaKey(area: TBrandArea): string {
  return area.kind === 'home'
    ? 'home'
    : `${area.kind}:${area.slug}`
}

/**
 * Fetches the brand of an area through the app's BFF: a tenant's effective brand (its own, else its
 * partner's), a partner's branding, or for `home` the brand of the user's first tenant, else partner
 * (null: neither, the deployment's brand applies). Rejects when a request fails.
 */
export async function fetchBrandSource(area: TBrandArea, fetchJson: <T>(url: string) => Promise<T>): Promise<TBrandSource | null> {
  if (area.kind === 'tenant')
    return fetchJson<TEffectiveBrand>(`/api/tenants/${area.slug}/brand`)
  if (area.kind === 'partner')
    return (await fetchJson<TPartner>(`/api/partners/${area.slug}`)).branding satisfies TBranding
  const me = await fetchJson<TMe>('/api/me')
  const tenant = me.tenants[0]
  if (tenant)
    return fetchBrandSource({ kind: 'tenant', slug: tenant.slug }, fetchJson)
  const partner = me.partners[0]
  return partner
    ? fetchBrandSource({ kind: 'partner', slug: partner.slug }, fetchJson)
    : null
}

interface TBrandState {
  /** Brand sources already fetched, by area key: one fetch per area, shared by SSR and the client. */
  cache: Record<string, TBrandSource | null>
  /** The source shown now, kept until the next area's brand has arrived (no flash). */
  current: TBrandSource | null
}

/** The loader's state; the shell's navigation reads from it which partner a loaded tenant belongs to. */
export const useBrandState = () => useState<TBrandState>('dz-brand', () => ({ cache: {}, current: null }))

/**
 * Makes the brand of `path`'s area current, fetching it once per area. Apps that serve one brand only
 * (the operator console) leave `appConfig.brand.perTenant` unset and keep the deployment's brand.
 * app.vue calls it during SSR and before each client navigation.
 */
export function useBrandLoader() {
  const state = useBrandState()
  const requestFetch = useRequestFetch()
  const { loggedIn } = useOidcAuth()
  const perTenant = (useAppConfig() as { brand?: { perTenant?: boolean } }).brand?.perTenant === true
  /** `fresh`: forget every fetched brand first (after a branding change, which also reaches customers). */
  return async (path: string, options: { fresh?: boolean } = {}) => {
    if (!perTenant || !loggedIn.value) {
      state.value.current = null
      return
    }
    if (options.fresh)
      state.value.cache = {}
    const key = brandAreaKey(brandAreaOf(path))
    if (!(key in state.value.cache)) {
      try {
        state.value.cache[key] = await fetchBrandSource(brandAreaOf(path), url => requestFetch(url) as never)
      }
      catch {
        // Someone else's tenant (404) or an outage: default brand, asked again next time, not cached.
        state.value.current = null
        return
      }
    }
    state.value.current = state.value.cache[key] ?? null
  }
}

/**
 * The brand of the current page: product name, logo URL (null when none) and the CSS variables that
 * override the design tokens. Reactive: switching between tenants or partners updates every reader.
 */
export function useBrand() {
  const defaults = useRuntimeConfig().public.brand as TBrandSource | undefined
  const state = useBrandState()
  const brand = computed(() => resolveBrand(defaults ?? {}, state.value.current))
  return reactive({
    productName: computed(() => brand.value.productName),
    logoUrl: computed(() => brand.value.logoUrl),
    cssVars: computed(() => brand.value.cssVars),
  })
}
