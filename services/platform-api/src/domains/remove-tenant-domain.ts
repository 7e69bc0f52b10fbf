import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, eq, sql } from 'drizzle-orm'
import { tenantDomains, tenantMemberships, tenants, users } from '../db/schema'
import { Problem } from '../http/problem'
import { requestReconcile } from '../provisioning/request-reconcile'
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
  const holders = await db.select({ email: users.email }).from(tenantMemberships).innerJoin(users, eq(users.id, tenantMemberships.userId)).where(and(
    eq(tenantMemberships.tenantId, tenant.id),
    sql`lower(split_part(${users.email}, '@', 2)) = ${row.name}`,
  )).orderBy(users.email).limit(3)
  if (holders.length) {
    throw new Problem(409, 'Domain has mailboxes', {
      detail: `Members have mailboxes on ${row.name} (${holders.map(holder => holder.email).join(', ')}${holders.length === 3
        ? ', …'
        : ''}); change their addresses or remove them first.`,
    })
  }
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
