import type { TOperatorRole, TPartnerRole, TTenantRole } from '@dezky/contracts'
import type { Principal } from './principal'
import { OPERATOR_ROLES, PARTNER_ROLES, TENANT_ROLES } from '@dezky/contracts'

export interface Grant {
  operator: readonly TOperatorRole[]
  /** Partner roles act on the partner's own customer tenants (or on the partner itself). */
  partner: readonly TPartnerRole[]
  /** Tenant roles act on that tenant only. */
  tenant: readonly TTenantRole[]
}

const ALL_OPERATORS = OPERATOR_ROLES
/** `noc` is read-only everywhere. */
const OPERATOR_WRITERS = ['super_admin', 'ops_lead', 'technician'] as const
const OPERATOR_LEADS = ['super_admin', 'ops_lead'] as const
/** Only super admins manage the operator team, so there is always someone who can. */
const OPERATOR_ADMINS = ['super_admin'] as const

/**
 * The policy, in one table: which roles may do what. Queries turn a capability into a `where` clause
 * (see scope.ts); the isolation test walks every route against this table.
 */
export const CAPABILITIES = {
  'tenant:read': { operator: ALL_OPERATORS, partner: PARTNER_ROLES, tenant: TENANT_ROLES },
  'tenant:create': {
    operator: OPERATOR_WRITERS,
    partner: ['partner_admin'],
    tenant: [],
  },
  'tenant:update': {
    operator: OPERATOR_WRITERS,
    partner: ['partner_admin'],
    tenant: ['owner', 'admin'],
  },
  /** Status and plan changes: commercial and lifecycle decisions, not the customer's own. */
  'tenant:manage': {
    operator: OPERATOR_WRITERS,
    partner: ['partner_admin'],
    tenant: [],
  },
  /**
   * Attaching a tenant to a partner, detaching it or moving it to another: who resells whom is for the
   * operations leads, not technicians (issue 5), and never a partner's own decision.
   */
  'tenant:partner': { operator: OPERATOR_LEADS, partner: [], tenant: [] },
  /** Suspend and resume: the partner may stop a customer who does not pay. */
  'tenant:suspend': {
    operator: OPERATOR_WRITERS,
    partner: ['partner_admin'],
    tenant: [],
  },
  /** Offboarding removes the customer's identity, mail and files after the grace period. */
  'tenant:offboard': { operator: OPERATOR_LEADS, partner: [], tenant: [] },
  /** Upstream error texts and ids of a tenant's provisioning: for the people who fix it, not customers. */
  'provisioning:details': { operator: ALL_OPERATORS, partner: PARTNER_ROLES, tenant: [] },
  /** Run the reconciler now, or retry a failed step: an operations tool. */
  'tenant:reconcile': { operator: OPERATOR_WRITERS, partner: [], tenant: [] },
  'member:read': {
    operator: ALL_OPERATORS,
    partner: PARTNER_ROLES,
    tenant: ['owner', 'admin'],
  },
  'member:write': {
    operator: OPERATOR_WRITERS,
    partner: PARTNER_ROLES,
    tenant: ['owner', 'admin'],
  },
  /** Find people across tenants (`GET /users`): a partner's people only among their customers' members. */
  'user:search': { operator: ALL_OPERATORS, partner: PARTNER_ROLES, tenant: [] },
  /** A tenant's domains and the DNS records to publish for them. */
  'domain:read': {
    operator: ALL_OPERATORS,
    partner: PARTNER_ROLES,
    tenant: ['owner', 'admin'],
  },
  /** Add, check and remove a tenant's domains (a new domain is provisioned into the mail server). */
  'domain:write': {
    operator: OPERATOR_WRITERS,
    partner: PARTNER_ROLES,
    tenant: ['owner', 'admin'],
  },
  'subscription:read': {
    operator: ALL_OPERATORS,
    partner: ['partner_admin'],
    tenant: ['owner', 'billing'],
  },
  'subscription:write': {
    operator: OPERATOR_LEADS,
    partner: ['partner_admin'],
    tenant: [],
  },
  'audit:read': {
    operator: ALL_OPERATORS,
    partner: ['partner_admin'],
    tenant: ['owner', 'admin'],
  },
  'audit:verify': { operator: OPERATOR_LEADS, partner: [], tenant: [] },
  /** The operator console's counts across every tenant (`GET /overview`). */
  'overview:read': { operator: ALL_OPERATORS, partner: [], tenant: [] },
  'partner:read': { operator: ALL_OPERATORS, partner: PARTNER_ROLES, tenant: [] },
  'partner:create': { operator: OPERATOR_LEADS, partner: [], tenant: [] },
  'partner:update': {
    operator: OPERATOR_LEADS,
    partner: ['partner_admin'],
    tenant: [],
  },
  /** The operator team (people in Authentik's `operator:<role>` groups): every operator may see it. */
  'operator:read': { operator: ALL_OPERATORS, partner: [], tenant: [] },
  /** Adding, re-roling and removing operators. */
  'operator:manage': { operator: OPERATOR_ADMINS, partner: [], tenant: [] },
  /** The infrastructure probes and the operators' event stream: every operator reads them. */
  'system:read': { operator: ALL_OPERATORS, partner: [], tenant: [] },
  /** Probe a dependency now, outside the schedule. */
  'probe:run': { operator: OPERATOR_WRITERS, partner: [], tenant: [] },
  /** Feature flags, their rules, overrides, schedules, counts and the stale list: every operator reads them. */
  'flag:read': { operator: ALL_OPERATORS, partner: [], tenant: [] },
  /** Creating and changing flags, overrides, segments and schedules: a release decision for the leads. */
  'flag:write': { operator: OPERATOR_LEADS, partner: [], tenant: [] },
  /** The kill switch (and restoring a killed flag): an emergency stop any operator who acts may pull. */
  'flag:kill': { operator: OPERATOR_WRITERS, partner: [], tenant: [] },
} as const satisfies Record<string, Grant>

export type Capability = keyof typeof CAPABILITIES

/** The target a decision is about: a tenant (and its partner), or a partner. */
export type Target = { tenantSlug: string, partnerSlug: string | null } | { partnerSlug: string, tenantSlug?: undefined }

/**
 * Decides one capability on one target. Used for 403-vs-allowed on a row already fetched through a scoped
 * query (a row outside the caller's scope is never fetched, hence 404), and by tests as the policy oracle.
 */
export function can(principal: Principal, capability: Capability, target?: Target): boolean {
  const grant: Grant = CAPABILITIES[capability]
  if (principal.operatorRole && grant.operator.includes(principal.operatorRole))
    return true
  if (!target)
    return false
  const partnerRole = target.partnerSlug
    ? principal.partners.find(p => p.slug === target.partnerSlug)?.role
    : undefined
  if (partnerRole && grant.partner.includes(partnerRole))
    return true
  const tenantRole = target.tenantSlug
    ? principal.tenants.find(t => t.slug === target.tenantSlug)?.role
    : undefined
  return !!tenantRole && grant.tenant.includes(tenantRole)
}

/** Slugs of the tenants and partners on which the principal holds a role granting the capability. */
export function grantedSlugs(principal: Principal, capability: Capability): { all: boolean, tenants: string[], partners: string[] } {
  const grant: Grant = CAPABILITIES[capability]
  return {
    all: !!principal.operatorRole && grant.operator.includes(principal.operatorRole),
    tenants: principal.tenants.filter(t => grant.tenant.includes(t.role)).map(t => t.slug),
    partners: principal.partners.filter(p => grant.partner.includes(p.role)).map(p => p.slug),
  }
}
