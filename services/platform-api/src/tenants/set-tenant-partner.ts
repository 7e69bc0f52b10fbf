import type { TTenant } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { can } from '../auth/capabilities'
import { partners, tenants } from '../db/schema'
import { conflict, forbidden, Problem } from '../http/problem'
import { getTenant } from './get-tenant'
import { toTenant } from './to-tenant'

export interface SetTenantPartnerOptions {
  db: Queryable
  principal: Principal
  slug: string
  /** The partner the tenant becomes a customer of; null makes it a direct customer. */
  partnerSlug: string | null
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Attaches a tenant to a partner (or moves it from another), or detaches it into a direct customer. It takes
 * `tenant:partner` on the tenant as it is and on the partner it goes to, so a partner can never pull another
 * partner's or a direct customer to itself. Nothing upstream depends on the partner, so no reconcile is due;
 * the partner's people gain or lose sight of the tenant with the commit (scopes are read per query).
 */
export async function setTenantPartner({ db, principal, slug, partnerSlug, audit }: SetTenantPartnerOptions): Promise<TTenant> {
  const current = await getTenant({
    db,
    principal,
    slug,
    capability: 'tenant:partner',
    forUpdate: true,
  })
  // A deleted tenant's history belongs to whoever sold it; moving it would hand that history to another
  // partner (audit visibility follows the tenant's partner) for no customer left to serve.
  if (current.status === 'deleted')
    throw conflict(`Tenant "${slug}" is deleted: its partner can no longer change.`)
  let partnerId: string | null = null
  if (partnerSlug) {
    if (!can(principal, 'tenant:partner', { partnerSlug }))
      throw forbidden(`You cannot attach tenants to partner "${partnerSlug}".`)
    const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.slug, partnerSlug))
    if (!partner) {
      throw new Problem(422, 'Unknown partner', {
        errors: [
          { path: 'body.partnerSlug', message: `no partner "${partnerSlug}"` },
        ],
      })
    }
    partnerId = partner.id
  }
  const [row] = await db.update(tenants).set({
    partnerId,
    updatedAt: new Date(),
  }).where(eq(tenants.id, current.id)).returning()
  const after = toTenant({ ...row!, partnerSlug })
  await audit({
    action: partnerSlug
      ? 'tenant.attach_partner'
      : 'tenant.detach_partner',
    targetType: 'tenant',
    targetId: current.id,
    tenantSlug: current.slug,
    changes: diffFields(toTenant(current), after),
  })
  return after
}
