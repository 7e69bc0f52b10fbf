import type { TTenant, TUpdateTenant } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { can } from '../auth/capabilities'
import { tenants } from '../db/schema'
import { assertDomainChange } from '../domains/assert-domain-change'
import { syncTenantDomainRows } from '../domains/sync-tenant-domain-rows'
import { forbidden } from '../http/problem'
import { requestReconcile } from '../provisioning/request-reconcile'
import { getTenant } from './get-tenant'
import { toTenant } from './to-tenant'

export interface UpdateTenantOptions {
  db: Queryable
  principal: Principal
  slug: string
  input: TUpdateTenant
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Fields a tenant's own admins may not change: commercial decisions, and domains (until they can prove
 * ownership with a DNS record, a domain is assigned by the partner or an operator). The status changes
 * only through the lifecycle operations (suspend, resume, offboard).
 */
const MANAGED_FIELDS = ['plan', 'domains'] as const

export async function updateTenant({ db, principal, slug, input: raw, audit }: UpdateTenantOptions): Promise<TTenant> {
  // A domain listed twice is one domain (and counts once against the plan's limit).
  const input = raw.domains
    ? {
        ...raw,
        domains: [
          ...new Set(raw.domains),
        ],
      }
    : raw
  const current = await getTenant({
    db,
    principal,
    slug,
    capability: 'tenant:update',
    forUpdate: true,
  })
  const managed = MANAGED_FIELDS.filter(field => input[field] !== undefined && JSON.stringify(input[field]) !== JSON.stringify(current[field]))
  if (managed.length && !can(principal, 'tenant:manage', { tenantSlug: current.slug, partnerSlug: current.partnerSlug }))
    throw forbidden(`Your role cannot change ${managed.join(', ')} of a tenant.`)
  if (input.domains) {
    // The same rules as the domain routes: the plan's limit, mailboxes on a removed domain, ownership.
    await assertDomainChange(db, {
      tenantId: current.id,
      plan: input.plan ?? current.plan,
      current: current.domains,
      next: input.domains,
      path: 'body.domains',
    })
  }
  const [row] = await db.update(tenants).set({
    ...input,
    updatedAt: new Date(),
  }).where(eq(tenants.id, current.id)).returning()
  if (input.domains)
    await syncTenantDomainRows(db, current.id, row!.domains)
  await requestReconcile(db, current.id)
  const before = toTenant(current)
  const after = toTenant({ ...row!, partnerSlug: current.partnerSlug })
  await audit({
    action: 'tenant.update',
    targetType: 'tenant',
    targetId: current.id,
    tenantSlug: current.slug,
    changes: diffFields(before, after),
  })
  return after
}
