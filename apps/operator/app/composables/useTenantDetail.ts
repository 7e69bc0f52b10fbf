import type { TTenant } from '@dezky/contracts'
import type { InjectionKey, Ref } from 'vue'

export interface TTenantDetail {
  /** The tenant the detail page loaded; its tabs read it instead of fetching it again. */
  tenant: Ref<TTenant>
  /** Reload it, e.g. after a lifecycle action changed its status. */
  refresh: () => Promise<void>
}

const KEY: InjectionKey<TTenantDetail> = Symbol('tenant-detail')

/** Called by `/tenants/[slug]` for its tabs. */
export function provideTenantDetail(detail: TTenantDetail) {
  provide(KEY, detail)
}

/**
 * The tenant of the detail page around a tab.
 *
 * @example
 * const { tenant } = useTenantDetail()
 */
export function useTenantDetail(): TTenantDetail {
  const detail = inject(KEY)
  if (!detail)
    throw new Error('useTenantDetail() outside /tenants/[slug]')
  return detail
}
