import type { TTenant } from '@dezky/contracts'
import type { TenantRow } from '../db/schema'
import { getTableColumns } from 'drizzle-orm'
import { partners, tenants } from '../db/schema'

export type TenantWithPartner = TenantRow & { partnerSlug: string | null }

/** Columns for `select(...).from(tenants).leftJoin(partners, …)`: the tenant plus its partner's slug. */
export const tenantColumns = {
  ...getTableColumns(tenants),
  partnerSlug: partners.slug,
}

export function toTenant(row: TenantWithPartner): TTenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    status: row.status,
    plan: row.plan,
    partnerSlug: row.partnerSlug,
    domains: row.domains,
    branding: row.branding,
    upstreamRefs: row.upstreamRefs,
    statusReason: row.statusReason,
    offboardAfter: row.offboardAfter?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
