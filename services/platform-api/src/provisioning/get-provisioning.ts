import type { TProvisioning } from '@dezky/contracts'
import type { Capability } from '../auth/capabilities'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { can } from '../auth/capabilities'
import { provisioningSteps } from '../db/schema'
import { getTenant } from '../tenants/get-tenant'
import { toProvisioning } from './to-provisioning'

export interface GetProvisioningOptions {
  db: Queryable
  principal: Principal
  slug: string
  capability?: Capability
}

/** A visible tenant's provisioning: each step's state, the DNS records to publish, onboarding. */
export async function getProvisioning({ db, principal, slug, capability }: GetProvisioningOptions): Promise<TProvisioning> {
  const tenant = await getTenant({ db, principal, slug, capability })
  return readProvisioning(db, tenant, principal)
}

/** The view for a tenant already known to be visible (the SSE stream re-reads it on each change). */
export async function readProvisioning(db: Queryable, tenant: { id: string, slug: string, status: TProvisioning['tenantStatus'], partnerSlug: string | null }, principal: Principal): Promise<TProvisioning> {
  const rows = await db.select().from(provisioningSteps).where(eq(provisioningSteps.tenantId, tenant.id))
  return toProvisioning(tenant, rows, can(principal, 'provisioning:details', { tenantSlug: tenant.slug, partnerSlug: tenant.partnerSlug }))
}
