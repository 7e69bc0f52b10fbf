import type { Capability } from '../auth/capabilities'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { TenantWithPartner } from './to-tenant'
import { and, eq } from 'drizzle-orm'
import { can } from '../auth/capabilities'
import { tenantScope } from '../auth/scope'
import { partners, tenants } from '../db/schema'
import { forbidden, notFound } from '../http/problem'
import { tenantColumns } from './to-tenant'

export interface GetTenantOptions {
  db: Queryable
  principal: Principal
  slug: string
  /** Beyond seeing the tenant, what the caller wants to do with it (403 when visible but not allowed). */
  capability?: Capability
  /** Lock the row for the rest of the transaction (updates). */
  forUpdate?: boolean
}

/**
 * Fetches one tenant the caller can see. A tenant outside the caller's scope is indistinguishable from one
 * that does not exist: both are 404.
 */
export async function getTenant({ db, principal, slug, capability, forUpdate }: GetTenantOptions): Promise<TenantWithPartner> {
  const query = db.select(tenantColumns).from(tenants).leftJoin(partners, eq(partners.id, tenants.partnerId)).where(and(eq(tenants.slug, slug), tenantScope(principal, 'tenant:read'))).limit(1)
  const [row] = forUpdate
    ? await query.for('update', { of: tenants })
    : await query
  if (!row)
    throw notFound('Tenant', `No tenant "${slug}" is visible to you.`)
  if (capability && !can(principal, capability, { tenantSlug: row.slug, partnerSlug: row.partnerSlug }))
    throw forbidden(`Your role does not allow ${capability} on tenant "${slug}".`)
  return row
}
