import type { SQL } from 'drizzle-orm'
import type { Principal } from '../auth/principal'
import { inArray, or, sql } from 'drizzle-orm'
import { grantedSlugs } from '../auth/capabilities'
import { auditLog, partners, tenants } from '../db/schema'

/** Entries the principal may read: all for operators, else those of tenants they administer. */
export function auditScope(principal: Principal): SQL {
  const granted = grantedSlugs(principal, 'audit:read')
  if (granted.all)
    return sql`true`
  const conditions: SQL[] = []
  if (granted.tenants.length)
    conditions.push(inArray(auditLog.tenantSlug, granted.tenants))
  if (granted.partners.length) {
    conditions.push(sql`${auditLog.tenantSlug} in (select ${tenants.slug} from ${tenants} join ${partners} on ${partners.id} = ${tenants.partnerId} where ${inArray(partners.slug, granted.partners)})`)
  }
  return or(...conditions) ?? sql`false`
}
