import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { tenantDomains, tenants } from '../db/schema'
import { requestReconcile } from '../provisioning/request-reconcile'
import { assertDomainChange } from './assert-domain-change'
import { getTenantDomainRow } from './get-tenant-domain'

export interface RemoveTenantDomainOptions {
  db: Queryable
  principal: Principal
  slug: string
  name: string
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Removes a domain from a tenant; the reconciler then deletes it (and its DKIM keys) from the mail server.
 * The mail step gives every member whose address is on a tenant domain a mailbox there, and removing the
 * domain deletes those mailboxes with it — so a domain still carrying members' addresses is refused
 * (409, naming a few) until they are moved to another address or removed. This also keeps the last domain
 * while anyone has a mailbox.
 */
export async function removeTenantDomain({ db, principal, slug, name, audit }: RemoveTenantDomainOptions): Promise<void> {
  const { tenant, row } = await getTenantDomainRow({
    db,
    principal,
    slug,
    name,
    capability: 'domain:write',
    lock: 'tenant',
  })
  await assertDomainChange(db, {
    tenantId: tenant.id,
    plan: tenant.plan,
    current: tenant.domains,
    next: tenant.domains.filter(domain => domain !== row.name),
    path: 'params.domain',
  })
  await db.delete(tenantDomains).where(eq(tenantDomains.id, row.id))
  await db.update(tenants).set({
    domains: tenant.domains.filter(domain => domain !== row.name),
    updatedAt: new Date(),
  }).where(eq(tenants.id, tenant.id))
  await requestReconcile(db, tenant.id)
  await audit({
    action: 'domain.remove',
    targetType: 'domain',
    targetId: row.id,
    tenantSlug: tenant.slug,
    changes: [
      { field: 'name', before: row.name, after: null },
    ],
  })
}
