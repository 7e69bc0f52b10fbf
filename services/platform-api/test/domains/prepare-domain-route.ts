import type { Database } from '../../src/db/client'
import { eq, sql } from 'drizzle-orm'
import { tenantDomains, tenants } from '../../src/db/schema'

/**
 * The domain route-driven suites address as `:domain`. `.invalid` never resolves (RFC 6761), and the API
 * answers it without asking a resolver, so the generated suites stay off the network.
 */
export const fixtureDomain = (tenantSlug: string) => `${tenantSlug}.fixture.invalid`

/** The route table's example body adds this domain. */
const EXAMPLE_DOMAIN = 'example.com'

/**
 * Before a domain route runs for a tenant: the tenant has its fixture domain, not yet checked (checks are
 * rate-limited), and the example domain is free again (another call of the matrix may have added it).
 */
export async function prepareDomainRoute(db: Database, tenantId: string): Promise<void> {
  await db.delete(tenantDomains).where(eq(tenantDomains.name, EXAMPLE_DOMAIN))
  await db.update(tenants).set({ domains: sql`array_remove(${tenants.domains}, ${EXAMPLE_DOMAIN})` })
  const [tenant] = await db.select({ slug: tenants.slug, domains: tenants.domains }).from(tenants).where(eq(tenants.id, tenantId))
  const name = fixtureDomain(tenant!.slug)
  if (!tenant!.domains.includes(name)) {
    await db.update(tenants).set({
      domains: [...tenant!.domains, name],
    }).where(eq(tenants.id, tenantId))
  }
  await db.insert(tenantDomains).values({ tenantId, name }).onConflictDoUpdate({
    target: tenantDomains.name,
    set: { lastCheckedAt: null },
  })
}
