import type { SQL } from 'drizzle-orm'
import type { Capability } from './capabilities'
import type { Principal } from './principal'
import { inArray, or, sql } from 'drizzle-orm'
import { partners, tenants } from '../db/schema'
import { grantedSlugs } from './capabilities'

const NOTHING = sql`false`

/**
 * The `where` clause limiting `tenants` rows to those on which the principal holds the capability.
 * Authorization lives in the query, so a row outside the caller's scope is never read.
 */
export function tenantScope(principal: Principal, capability: Capability): SQL {
  const granted = grantedSlugs(principal, capability)
  if (granted.all)
    return sql`true`
  const conditions: SQL[] = []
  if (granted.tenants.length)
    conditions.push(inArray(tenants.slug, granted.tenants))
  if (granted.partners.length) {
    conditions.push(sql`${tenants.partnerId} in (select ${partners.id} from ${partners} where ${inArray(partners.slug, granted.partners)})`)
  }
  return or(...conditions) ?? NOTHING
}

/** The `where` clause limiting `partners` rows to those on which the principal holds the capability. */
export function partnerScope(principal: Principal, capability: Capability): SQL {
  const granted = grantedSlugs(principal, capability)
  if (granted.all)
    return sql`true`
  return granted.partners.length
    ? inArray(partners.slug, granted.partners)
    : NOTHING
}
