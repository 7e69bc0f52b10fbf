import type { Memberships } from '@dezky/contracts'
import type { JWTPayload } from 'jose'
import { parseGroups } from '@dezky/contracts'

/** Who is calling, as established from a verified access token. Every query is scoped by it. */
export interface Principal extends Memberships {
  subject: string
  email: string | null
  /** Whether the IdP vouches for `email`; only a verified address may claim a user row made by an admin. */
  emailVerified: boolean
  /** When the person signed in at the IdP (`auth_time`, else the token's `iat`). */
  authenticatedAt: Date
  name: string | null
  /** Authentication methods (RFC 8176), e.g. `['pwd', 'otp']`; operator sessions require an MFA method. */
  amr: string[]
  /** The raw groups the roles came from, recorded in audit entries. */
  groups: string[]
  /** Set when an operator acts on behalf of someone (RFC 8693 `act`); empty until impersonation exists. */
  actingAs: string | null
}

/** RFC 8176 methods that prove a second factor (Authentik reports `mfa`, or the factor itself). */
const MFA_METHODS = new Set([
  'mfa',
  'otp',
  'hwk',
  'sms',
  'tel',
  'sc',
  'fpt',
  'face',
  'iris',
  'retina',
  'vbm',
])

export const hasMfa = (amr: readonly string[]) => amr.some(method => MFA_METHODS.has(method))

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : []
}
function stringOrNull(value: unknown): string | null {
  return typeof value === 'string'
    ? value
    : null
}

/**
 * Builds the principal from verified claims. Operator roles reach across every tenant, so a session that
 * did not pass a second factor gets none (`requireOperatorMfa`): a stolen password is not enough.
 */
export function principalFromClaims(payload: JWTPayload, options = { requireOperatorMfa: true }): Principal {
  const groups = strings(payload.groups)
  const amr = strings(payload.amr)
  const memberships = parseGroups(groups)
  if (options.requireOperatorMfa && memberships.operatorRole && !hasMfa(amr))
    memberships.operatorRole = null
  // Frozen: verified principals are cached and shared by concurrent requests.
  return deepFreeze({
    subject: payload.sub!,
    email: stringOrNull(payload.email),
    emailVerified: payload.email_verified === true,
    authenticatedAt: new Date(1000 * (typeof payload.auth_time === 'number'
      ? payload.auth_time
      : payload.iat!)),
    name: stringOrNull(payload.name) ?? stringOrNull(payload.preferred_username),
    amr,
    groups,
    actingAs: null,
    ...memberships,
  })
}

function deepFreeze<T>(value: T): T {
  for (const child of Object.values(value as object)) {
    if (child && typeof child === 'object')
      deepFreeze(child)
  }
  return Object.freeze(value)
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
