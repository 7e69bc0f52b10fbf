import type { Capability } from '../auth/capabilities'
import type { Principal } from '../auth/principal'
import type { Database, Queryable } from '../db/client'
import type { TenantWithPartner } from './to-tenant'
import { and, eq, sql } from 'drizzle-orm'
import { can } from '../auth/capabilities'
import { scopeParams, tenantScope, tenantScopeClause } from '../auth/scope'
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
  const row = forUpdate
    ? (await db.select(tenantColumns).from(tenants).leftJoin(partners, eq(partners.id, tenants.partnerId)).where(and(eq(tenants.slug, slug), tenantScope(principal, 'tenant:read'))).limit(1).for('update', { of: tenants }))[0]
    : (await preparedLookup(db).execute({
        slug,
        ...scopeParams(principal, 'tenant:read'),
      }))[0]
  if (!row)
    throw notFound('Tenant', `No tenant "${slug}" is visible to you.`)
  if (capability && !can(principal, capability, { tenantSlug: row.slug, partnerSlug: row.partnerSlug }))
    throw forbidden(`Your role does not allow ${capability} on tenant "${slug}".`)
  return row
}

const prepared = new WeakMap<Queryable, ReturnType<typeof prepare>>()

/**
 * The hottest query of the API, prepared once per pool or transaction: Drizzle does not rebuild the SQL
 * and Postgres does not re-plan it (a named statement per connection).
 */
function preparedLookup(db: Queryable) {
  let statement = prepared.get(db)
  if (!statement) {
    statement = prepare(db)
    prepared.set(db, statement)
  }
  return statement
}

function prepare(db: Queryable | Database) {
  return db.select(tenantColumns).from(tenants).leftJoin(partners, eq(partners.id, tenants.partnerId)).where(and(
    eq(tenants.slug, sql.placeholder('slug')),
    tenantScopeClause(sql.placeholder('all'), sql.placeholder('tenantSlugs'), sql.placeholder('partnerSlugs')),
  )).limit(1).prepare('dezky_get_tenant_in_scope')
}
