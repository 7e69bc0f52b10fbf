import type { TTenantDomainList } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { asc, eq } from 'drizzle-orm'
import { tenantDomains } from '../db/schema'
import { getTenant } from '../tenants/get-tenant'
import { findMailRecords } from './find-mail-records'
import { toTenantDomain } from './to-tenant-domain'

export interface FindTenantDomainsOptions {
  db: Queryable
  principal: Principal
  slug: string
  mxHost?: string
}

/** A tenant's domains in the tenant's order (the first is the one mail and the welcome message lead with). */
export async function findTenantDomains({ db, principal, slug, mxHost }: FindTenantDomainsOptions): Promise<TTenantDomainList> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'domain:read',
  })
  const [rows, mailRecords] = await Promise.all([
    db.select().from(tenantDomains).where(eq(tenantDomains.tenantId, tenant.id)).orderBy(asc(tenantDomains.createdAt), asc(tenantDomains.name)),
    findMailRecords(db, tenant.id),
  ])
  const position = (name: string) => {
    const index = tenant.domains.indexOf(name)
    return index < 0
      ? tenant.domains.length
      : index
  }
  rows.sort((a, b) => position(a.name) - position(b.name))
  return {
    items: rows.map(row => toTenantDomain(row, mailRecords, mxHost)),
  }
}
