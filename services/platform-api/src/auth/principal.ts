import type { Memberships, TPartnerRole, TTenantRole } from '@dezky/contracts'
import type { JWTPayload } from 'jose'
import { parseGroups } from '@dezky/contracts'

/** Who is calling, as established from a verified access token. Every query is scoped by it. */
export interface Principal extends Memberships {
  subject: string
  email: string | null
  name: string | null
  /** Authentication methods (RFC 8176), e.g. `['pwd', 'otp']`; operator sessions require an MFA method. */
  amr: string[]
  /** The raw groups the roles came from, recorded in audit entries. */
  groups: string[]
  /** Set when an operator acts on behalf of someone (RFC 8693 `act`); empty until impersonation exists. */
  actingAs: string | null
}

export function principalFromClaims(payload: JWTPayload): Principal {
  const groups = Array.isArray(payload.groups)
    ? payload.groups.filter((g): g is string => typeof g === 'string')
    : []
  const memberships = parseGroups(groups)
  return {
    subject: payload.sub!,
    email: typeof payload.email === 'string'
      ? payload.email
      : null,
    name: typeof payload.name === 'string'
      ? payload.name
      : (typeof payload.preferred_username === 'string'
          ? payload.preferred_username
          : null),
    amr: Array.isArray(payload.amr)
      ? payload.amr.filter((a): a is string => typeof a === 'string')
      : [],
    groups,
    actingAs: null,
    ...memberships,
  }
}

export function tenantRoleOf(principal: Principal, tenantSlug: string): TTenantRole | undefined {
  return principal.tenants.find(t => t.slug === tenantSlug)?.role
}

export function partnerRoleOf(principal: Principal, partnerSlug: string | null): TPartnerRole | undefined {
  return partnerSlug === null
    ? undefined
    : principal.partners.find(p => p.slug === partnerSlug)?.role
}

/** The principal's roles as audit entries record them. */
export function rolesOf(principal: Principal): string[] {
  return [
    ...(principal.operatorRole
      ? [`operator:${principal.operatorRole}`]
      : []),
    ...principal.partners.map(p => `partner:${p.slug}:${p.role}`),
    ...principal.tenants.map(t => `tenant:${t.slug}:${t.role}`),
  ]
}
