import type { TAddTenantDomain, TTenantDomain } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { tenantDomains, tenants } from '../db/schema'
import { Problem } from '../http/problem'
import { requestReconcile } from '../provisioning/request-reconcile'
import { getTenant } from '../tenants/get-tenant'
import { assertDomainChange } from './assert-domain-change'
import { findMailRecords } from './find-mail-records'
import { toTenantDomain } from './to-tenant-domain'

const NAME_IN_USE = (name: string) => ({ path: 'body.name', message: `${name} is in use` })

export interface AddTenantDomainOptions {
  db: Queryable
  principal: Principal
  slug: string
  input: TAddTenantDomain
  mxHost?: string
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Adds a domain to a tenant with a fresh verification token and has the reconciler provision it into the
 * mail server (which then renders its DKIM keys and zone). A domain belongs to one tenant (409), and the
 * plan bounds how many a tenant has (422).
 */
export async function addTenantDomain({ db, principal, slug, input, mxHost, audit }: AddTenantDomainOptions): Promise<TTenantDomain> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'domain:write',
    forUpdate: true,
  })
  if (tenant.domains.includes(input.name)) {
    throw new Problem(409, 'Conflict', {
      detail: `Tenant "${slug}" already has the domain ${input.name}.`,
      errors: [
        NAME_IN_USE(input.name),
      ],
    })
  }
  await assertDomainChange(db, {
    tenantId: tenant.id,
    plan: tenant.plan,
    current: tenant.domains,
    next: [...tenant.domains, input.name],
    path: 'body.name',
  })
  // The unique name settles a race with another tenant adding the same domain in this instant.
  const [row] = await db.insert(tenantDomains).values({ tenantId: tenant.id, name: input.name }).onConflictDoNothing({ target: tenantDomains.name }).returning()
  if (!row) {
    throw new Problem(409, 'Domain in use', {
      detail: `Already used by another tenant: ${input.name}.`,
      errors: [
        NAME_IN_USE(input.name),
      ],
    })
  }
  await db.update(tenants).set({
    domains: [...tenant.domains, input.name],
    updatedAt: new Date(),
  }).where(eq(tenants.id, tenant.id))
  await requestReconcile(db, tenant.id)
  await audit({
    action: 'domain.add',
    targetType: 'domain',
    targetId: row.id,
    tenantSlug: tenant.slug,
    changes: [
      { field: 'name', before: null, after: row.name },
    ],
  })
  return toTenantDomain(row, await findMailRecords(db, tenant.id), mxHost)
}
