import type { TOperatorRole, TPartnerRole, TTenantRole } from './roles'
import { ZOperatorRole, ZPartnerRole, ZSlug, ZTenantRole } from './roles'

export interface Memberships {
  operatorRole: TOperatorRole | null
  partners: { slug: string, role: TPartnerRole }[]
  tenants: { slug: string, role: TTenantRole }[]
}

const OPERATOR_RANK: Record<TOperatorRole, number> = {
  super_admin: 4,
  ops_lead: 3,
  technician: 2,
  noc: 1,
}
const PARTNER_RANK: Record<TPartnerRole, number> = { partner_admin: 2, partner_agent: 1 }
const TENANT_RANK: Record<TTenantRole, number> = {
  owner: 4,
  admin: 3,
  billing: 2,
  member: 1,
}

/**
 * Maps the IdP's `groups` claim to memberships.
 *
 * Group names: `operator:<role>`, `partner:<slug>:<role>`, `tenant:<slug>:<role>`. Unknown or malformed
 * groups are ignored (Authentik users carry unrelated groups too). When one subject holds several roles in
 * the same scope, the strongest wins, so adding a group never takes access away.
 *
 * @example
 * parseGroups(['tenant:acme:owner', 'operator:noc'])
 * // { operatorRole: 'noc', partners: [], tenants: [{ slug: 'acme', role: 'owner' }] }
 */
export function parseGroups(groups: readonly unknown[] | undefined): Memberships {
  let operatorRole: TOperatorRole | null = null
  const partners = new Map<string, TPartnerRole>()
  const tenants = new Map<string, TTenantRole>()
  for (const group of groups ?? []) {
    if (typeof group !== 'string')
      continue
    const parts = group.split(':')
    if (parts[0] === 'operator' && parts.length === 2) {
      const role = ZOperatorRole.safeParse(parts[1])
      if (role.success && (!operatorRole || OPERATOR_RANK[role.data] > OPERATOR_RANK[operatorRole]))
        operatorRole = role.data
    }
    else if (parts[0] === 'partner' && parts.length === 3 && ZSlug.safeParse(parts[1]).success) {
      const role = ZPartnerRole.safeParse(parts[2])
      const held = partners.get(parts[1]!)
      if (role.success && (!held || PARTNER_RANK[role.data] > PARTNER_RANK[held]))
        partners.set(parts[1]!, role.data)
    }
    else if (parts[0] === 'tenant' && parts.length === 3 && ZSlug.safeParse(parts[1]).success) {
      const role = ZTenantRole.safeParse(parts[2])
      const held = tenants.get(parts[1]!)
      if (role.success && (!held || TENANT_RANK[role.data] > TENANT_RANK[held]))
        tenants.set(parts[1]!, role.data)
    }
  }
  return {
    operatorRole,
    partners: [...partners].map(([slug, role]) => ({ slug, role })),
    tenants: [...tenants].map(([slug, role]) => ({ slug, role })),
  }
}

/** The inverse of {@link parseGroups}: the IdP group names that grant these memberships. */
export function groupsFor(memberships: Partial<Memberships>): string[] {
  return [
    ...(memberships.operatorRole
      ? [`operator:${memberships.operatorRole}`]
      : []),
    ...(memberships.partners ?? []).map(p => `partner:${p.slug}:${p.role}`),
    ...(memberships.tenants ?? []).map(t => `tenant:${t.slug}:${t.role}`),
  ]
}
