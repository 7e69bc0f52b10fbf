import type { TTenant, TUpdateTenant } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Capability } from '../auth/capabilities'
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
 * What changing a field takes beyond `tenant:update`: the plan is a commercial decision (partners and
 * operators), the domains need `domain:write` exactly as the domain routes do (a tenant's owners and
 * admins too: each domain still has to pass the same rules and its DNS check). The status changes only
 * through the lifecycle operations (suspend, resume, offboard).
 */
const FIELD_CAPABILITIES = {
  plan: 'tenant:manage',
  domains: 'domain:write',
} as const satisfies Partial<Record<keyof TUpdateTenant, Capability>>

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
  const scope = { tenantSlug: current.slug, partnerSlug: current.partnerSlug }
  const refused = (Object.keys(FIELD_CAPABILITIES) as (keyof typeof FIELD_CAPABILITIES)[]).filter(field => input[field] !== undefined
    && JSON.stringify(input[field]) !== JSON.stringify(current[field])
    && !can(principal, FIELD_CAPABILITIES[field], scope))
  if (refused.length)
    throw forbidden(`Your role cannot change ${refused.join(', ')} of a tenant.`)
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
