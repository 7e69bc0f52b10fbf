import type { TTenantDomain } from '@dezky/contracts'
import type { Capability } from '../auth/capabilities'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { TenantDomainRow } from '../db/schema'
import type { TenantWithPartner } from '../tenants/to-tenant'
import { and, eq } from 'drizzle-orm'
import { tenantDomains } from '../db/schema'
import { notFound } from '../http/problem'
import { getTenant } from '../tenants/get-tenant'
import { findMailRecords } from './find-mail-records'
import { toTenantDomain } from './to-tenant-domain'

export interface GetTenantDomainOptions {
  db: Queryable
  principal: Principal
  slug: string
  name: string
  /** What the caller wants to do with the domain (403 when the tenant is visible but this is not allowed). */
  capability?: Capability
  /**
   * Lock for the rest of the transaction: `domain` its row (storing a check's results), `tenant` the
   * tenant too (a change of `tenants.domains`).
   */
  lock?: 'domain' | 'tenant'
}

/**
 * One domain of a tenant the caller can see. A domain of a tenant outside the caller's scope, or of
 * another tenant, is a 404 like one that does not exist.
 */
export async function getTenantDomainRow({ db, principal, slug, name, capability = 'domain:read', lock }: GetTenantDomainOptions): Promise<{ tenant: TenantWithPartner, row: TenantDomainRow }> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability,
    forUpdate: lock === 'tenant',
  })
  const query = db.select().from(tenantDomains).where(and(eq(tenantDomains.tenantId, tenant.id), eq(tenantDomains.name, name)))
  const [row] = lock
    ? await query.for('update')
    : await query
  if (!row)
    throw notFound('Domain', `Tenant "${slug}" has no domain "${name}".`)
  return { tenant, row }
}

export async function getTenantDomain(options: GetTenantDomainOptions & { mxHost?: string }): Promise<TTenantDomain> {
  const { tenant, row } = await getTenantDomainRow(options)
  return toTenantDomain(row, await findMailRecords(options.db, tenant.id), options.mxHost)
}
