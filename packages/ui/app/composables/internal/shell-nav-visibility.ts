import type { TOperatorRole, TPartnerRole, TTenantRole } from '@dezky/contracts'

/**
 * Who sees a navigation item: any listed role the user holds in the current area. Mirror the API's
 * capability table (services/platform-api/src/auth/capabilities.ts): hiding is for the user's sake,
 * the API still refuses whatever a role may not do.
 */
export interface TShellNavVisibility {
  /** Roles in the tenant of the page (`/t/:tenant`). */
  tenant?: readonly TTenantRole[]
  /** Roles in the partner of the page (`/p/:partner`), or in the partner of the page's tenant. */
  partner?: readonly TPartnerRole[]
  /** Platform operators' roles, anywhere. */
  operator?: readonly TOperatorRole[]
}

/** The memberships the API reports for the user (`/api/me`). */
export interface TShellMemberships {
  operatorRole: TOperatorRole | null
  tenants: ReadonlyArray<{ slug: string, role: TTenantRole }>
  partners: ReadonlyArray<{ slug: string, role: TPartnerRole }>
}

export interface TShellArea {
  tenant?: string
  partner?: string
  /** In a tenant area, the partner the tenant belongs to (null: none; undefined: not known yet). */
  tenantPartner?: string | null
}

export interface TAreaRoles {
  operator: TOperatorRole | null
  tenant: TTenantRole[]
  partner: TPartnerRole[]
}

/**
 * The roles that count on the current page. A partner's roles reach its customers' tenants, as in the
 * API. Outside a tenant or partner area (e.g. /account) a role held anywhere counts.
 *
 * @example
 * areaRolesOf(me, { tenant: 'acme', tenantPartner: 'rio' }) // → { operator: null, tenant: ['member'], partner: [] }
 */
export function areaRolesOf(me: TShellMemberships, area: TShellArea): TAreaRoles {
  const rolesIn = <T>(memberships: ReadonlyArray<{ slug: string, role: T }>, slug: string | null | undefined) =>
    memberships.filter(membership => slug === undefined || membership.slug === slug).map(membership => membership.role)
  if (area.tenant) {
    return {
      operator: me.operatorRole,
      tenant: rolesIn(me.tenants, area.tenant),
      // An unknown partner grants nothing yet: the item appears once the tenant's partner is known.
      partner: area.tenantPartner
        ? rolesIn(me.partners, area.tenantPartner)
        : [],
    }
  }
  if (area.partner) {
    return {
      operator: me.operatorRole,
      tenant: [],
      partner: rolesIn(me.partners, area.partner),
    }
  }
  return {
    operator: me.operatorRole,
    tenant: rolesIn(me.tenants, undefined),
    partner: rolesIn(me.partners, undefined),
  }
}

/**
 * Whether an item with this rule is shown: always without a rule; with one, only once the memberships
 * are known (null: not yet) and one of the area's roles is listed.
 */
export function isNavItemVisible(rule: TShellNavVisibility | undefined, roles: TAreaRoles | null): boolean {
  if (!rule)
    return true
  if (!roles)
    return false
  return (!!roles.operator && !!rule.operator?.includes(roles.operator))
    || roles.tenant.some(role => rule.tenant?.includes(role))
    || roles.partner.some(role => rule.partner?.includes(role))
}
