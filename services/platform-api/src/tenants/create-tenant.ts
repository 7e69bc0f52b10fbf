import type { TCreateTenant, TTenant } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { can } from '../auth/capabilities'
import { partners, subscriptions, tenants } from '../db/schema'
import { assertDomainChange } from '../domains/assert-domain-change'
import { syncTenantDomainRows } from '../domains/sync-tenant-domain-rows'
import { conflict, forbidden, Problem } from '../http/problem'
import { requestReconcile } from '../provisioning/request-reconcile'
import { toTenant } from './to-tenant'

export interface CreateTenantOptions {
  db: Queryable
  principal: Principal
  input: TCreateTenant
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Records a new customer tenant in `provisioning` with its first subscription. A partner admin creates
 * tenants only under their own partner (it defaults to it); operators may attach any partner or none.
 */
export async function createTenant({ db, principal, input, audit }: CreateTenantOptions): Promise<TTenant> {
  const partnerSlug = input.partnerSlug ?? defaultPartnerOf(principal)
  if (!can(principal, 'tenant:create', partnerSlug
    ? { partnerSlug }
    : undefined)) {
    throw forbidden(partnerSlug
      ? `You cannot create tenants for partner "${partnerSlug}".`
      : 'Your role cannot create tenants.')
  }
  let partnerId: string | null = null
  if (partnerSlug) {
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
  const domains = [
    ...new Set(input.domains),
  ]
  await assertDomainChange(db, {
    plan: input.plan,
    current: [],
    next: domains,
    path: 'body.domains',
  })
  const [row] = await db.insert(tenants).values({
    slug: input.slug,
    name: input.name,
    plan: input.plan,
    partnerId,
    domains,
    branding: input.branding,
  }).onConflictDoNothing({ target: tenants.slug }).returning()
  if (!row)
    throw conflict(`The slug "${input.slug}" is taken.`)
  await db.insert(subscriptions).values({ tenantId: row.id, plan: row.plan, status: 'active' })
  await syncTenantDomainRows(db, row.id, row.domains)
  await requestReconcile(db, row.id)
  const tenant = toTenant({ ...row, partnerSlug })
  await audit({
    action: 'tenant.create',
    targetType: 'tenant',
    targetId: row.id,
    tenantSlug: row.slug,
    changes: diffFields(null, tenant),
  })
  return tenant
}

/** Only a non-operator partner admin of exactly one partner has an unambiguous default. */
function defaultPartnerOf(principal: Principal): string | null {
  if (principal.operatorRole)
    return null
  const admins = principal.partners.filter(p => p.role === 'partner_admin')
  return admins.length === 1
    ? admins[0]!.slug
    : null
}
