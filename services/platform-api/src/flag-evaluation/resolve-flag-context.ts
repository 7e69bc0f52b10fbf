import type { FlagContext } from '@dezky/flags'
import type { Principal } from '../auth/principal'
import type { CallerLookups } from './caller-lookups'
import { can } from '../auth/capabilities'
import { forbidden } from '../http/problem'

/** What identifies the caller; sent by a caller, these are ignored (the token decides them). */
const RESERVED = new Set([
  'targetingKey',
  'userId',
  'tenant',
  'partner',
  'role',
  'plan',
  'email',
  'environment',
])

type Property = string | number | boolean

/**
 * The evaluation context of an OFREP request: who the caller is comes from the verified token, never from
 * the request — `userId` (the Dezky user), `tenant` (the `tenant` attribute, if the caller may read that
 * tenant, else the caller's only tenant), its `partner`, `plan`, the caller's `role` there and `email`.
 * Everything else the caller sends becomes a property constraints can name. A tenant the caller may not
 * read is refused (403), whether it exists or not.
 */
export async function resolveFlagContext(principal: Principal, attributes: Record<string, unknown>, lookups: CallerLookups): Promise<FlagContext> {
  const properties: Record<string, Property> = {}
  for (const [name, value] of Object.entries(attributes)) {
    if (!RESERVED.has(name) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'))
      properties[name] = value
  }
  const requested = typeof attributes.tenant === 'string' && attributes.tenant !== ''
    ? attributes.tenant
    : principal.tenants.length === 1
      ? principal.tenants[0]!.slug
      : null
  const tenant = requested === null
    ? null
    : await lookups.tenant(requested)
  if (requested !== null && (!tenant || !can(principal, 'tenant:read', { tenantSlug: tenant.slug, partnerSlug: tenant.partnerSlug })))
    throw forbidden(`Flags cannot be evaluated for tenant "${requested}" by this caller.`)
  const partner = tenant
    ? tenant.partnerSlug
    : principal.partners.length === 1
      ? principal.partners[0]!.slug
      : null
  const role = tenant
    ? principal.tenants.find(membership => membership.slug === tenant.slug)?.role
    : undefined
  if (tenant)
    properties.plan = tenant.plan
  if (role)
    properties.role = role
  else if (principal.operatorRole)
    properties.role = principal.operatorRole
  if (principal.email)
    properties.email = principal.email
  const userId = await lookups.userId(principal.subject)
  return {
    userId: userId ?? undefined,
    tenant: tenant?.slug,
    partner: partner ?? undefined,
    sessionId: typeof attributes.sessionId === 'string'
      ? attributes.sessionId
      : undefined,
    // For the remoteAddress strategy: what the caller says its user's address is (the API only sees the BFF's).
    remoteAddress: typeof attributes.remoteAddress === 'string'
      ? attributes.remoteAddress
      : undefined,
    properties,
  }
}
