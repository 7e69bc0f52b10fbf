import type { Queryable } from '../db/client'
import { and, eq, notInArray } from 'drizzle-orm'
import { tenantDomains } from '../db/schema'

/**
 * Makes the tenant's domain rows match `tenants.domains` after a tenant is created or its domains are
 * replaced wholesale (POST/PATCH /tenants): rows of dropped domains go, new domains get a row with a fresh
 * token; rows that stay keep their token and verification. Run in the same transaction as the change.
 *
 * @example
 * await syncTenantDomainRows(tx, tenant.id, ['acme.com', 'acme.com.br'])
 */
export async function syncTenantDomainRows(db: Queryable, tenantId: string, domains: readonly string[]): Promise<void> {
  await db.delete(tenantDomains).where(and(
    eq(tenantDomains.tenantId, tenantId),
    domains.length
      ? notInArray(tenantDomains.name, [...domains])
      : undefined,
  ))
  if (domains.length)
    await db.insert(tenantDomains).values(domains.map(name => ({ tenantId, name }))).onConflictDoNothing({ target: tenantDomains.name })
}
