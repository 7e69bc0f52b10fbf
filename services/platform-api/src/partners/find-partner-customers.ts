import type { TCustomerSortField, TPage, TPartnerCustomer, TTenant } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { SortDirection } from '../http/pagination'
import { findTenantSummaries } from '../tenants/find-tenant-summaries'
import { getPartner } from './get-partner'

export interface FindPartnerCustomersOptions {
  db: Queryable
  principal: Principal
  slug: string
  limit: number
  /** As issued in `nextCursor` for the same sort; one issued for another sort is a 400. */
  cursor?: string
  sort: { field: TCustomerSortField, direction: SortDirection }
  /** Without it, every customer but the deleted ones. */
  status?: TTenant['status']
  /** Matches slug or name, case-insensitively. */
  q?: string
}

/**
 * A page of a partner's customers in the given order, each with its member count and provisioning health:
 * 404 for a partner outside the caller's scope, then the tenant summaries query (`findTenantSummaries`).
 */
export async function findPartnerCustomers(options: FindPartnerCustomersOptions): Promise<TPage<TPartnerCustomer>> {
  const { db, principal, limit, cursor, sort } = options
  const partner = await getPartner({ db, principal, slug: options.slug })
  const page = await findTenantSummaries({
    db,
    principal,
    limit,
    cursor,
    sort,
    filters: {
      partnerId: partner.id,
      status: options.status,
      hideDeleted: true,
      q: options.q,
    },
  })
  return {
    items: page.items.map(row => ({
      slug: row.slug,
      name: row.name,
      status: row.status,
      plan: row.plan,
      users: row.users,
      health: row.health,
      failingSteps: row.failingSteps,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  }
}
