import type { TPage, TProvisioningHealth, TTenant, TTenantListItem, TTenantSortField } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { SortDirection } from '../http/pagination'
import { findTenantSummaries } from './find-tenant-summaries'
import { toTenant } from './to-tenant'

export interface FindTenantsOptions {
  db: Queryable
  principal: Principal
  limit: number
  /** As issued in `nextCursor` for the same sort. */
  cursor?: string
  sort: { field: TTenantSortField, direction: SortDirection }
  status?: TTenant['status']
  plan?: TTenant['plan']
  partner?: string
  /** `true`: tenants without a partner only; `false`: a partner's only. */
  direct?: boolean
  health?: TProvisioningHealth
  /** Matches slug or name, case-insensitively. */
  q?: string
}

/** The tenants visible to the caller, one keyset page at a time, each with its member count and provisioning health. */
export async function findTenants(options: FindTenantsOptions): Promise<TPage<TTenantListItem>> {
  const { db, principal, limit, cursor, sort, ...filters } = options
  const page = await findTenantSummaries({
    db,
    principal,
    limit,
    cursor,
    sort,
    filters,
  })
  return {
    items: page.items.map(row => ({
      ...toTenant(row),
      users: row.users,
      health: row.health,
      failingSteps: row.failingSteps,
    })),
    nextCursor: page.nextCursor,
  }
}
