import type { SQL } from 'drizzle-orm'
import type { Capability } from './capabilities'
import type { Principal } from './principal'
import { sql } from 'drizzle-orm'
import { partners, tenants } from '../db/schema'
import { grantedSlugs } from './capabilities'

/** What a scope clause needs from the principal: three values, whatever the roles. */
export interface ScopeParams {
  all: boolean
  tenantSlugs: string[]
  partnerSlugs: string[]
}

export function scopeParams(principal: Principal, capability: Capability): ScopeParams {
  const granted = grantedSlugs(principal, capability)
  return { all: granted.all, tenantSlugs: granted.tenants, partnerSlugs: granted.partners }
}

type Value<T> = SQL | SQL.Aliased | ReturnType<typeof sql.placeholder> | ReturnType<typeof sql.param<T, T>>

/**
 * The `where` clause limiting `tenants` rows to those on which the principal holds the capability.
 * Authorization lives in the query, so a row outside the caller's scope is never read. The clause has
 * one shape for every principal (three parameters), so Postgres and Drizzle can prepare it once.
 */
export function tenantScopeClause(all: Value<boolean>, tenantSlugs: Value<string[]>, partnerSlugs: Value<string[]>): SQL {
  return sql`(${all}::boolean or ${tenants.slug} = any(${tenantSlugs}::text[]) or ${tenants.partnerId} in (select ${partners.id} from ${partners} where ${partners.slug} = any(${partnerSlugs}::text[])))`
}

export function tenantScope(principal: Principal, capability: Capability): SQL {
  const p = scopeParams(principal, capability)
  return tenantScopeClause(sql.param(p.all), sql.param(p.tenantSlugs), sql.param(p.partnerSlugs))
}

/** The `where` clause limiting `partners` rows to those on which the principal holds the capability. */
export function partnerScope(principal: Principal, capability: Capability): SQL {
  const p = scopeParams(principal, capability)
  return sql`(${sql.param(p.all)}::boolean or ${partners.slug} = any(${sql.param(p.partnerSlugs)}::text[]))`
}
