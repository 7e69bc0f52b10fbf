import type { TOperatorRole } from '@dezky/contracts'

const ALL_OPERATORS = [
  'super_admin',
  'ops_lead',
  'technician',
  'noc',
] as const satisfies readonly TOperatorRole[]
/** `noc` is read-only everywhere. */
const OPERATOR_WRITERS = ['super_admin', 'ops_lead', 'technician'] as const satisfies readonly TOperatorRole[]
const OPERATOR_LEADS = ['super_admin', 'ops_lead'] as const satisfies readonly TOperatorRole[]
const SUPER_ADMINS = ['super_admin'] as const satisfies readonly TOperatorRole[]

/**
 * The operator column of the platform API's policy (`services/platform-api/src/auth/capabilities.ts`, as
 * tabled in docs/operator-access.md).
 * The console only hides what the API would refuse; the API stays the authority and answers 403 to a
 * forged request, so a drift here costs a confusing button, never an unauthorised change.
 */
export const OPERATOR_CAPABILITIES = {
  'tenant:read': ALL_OPERATORS,
  'tenant:create': OPERATOR_WRITERS,
  'tenant:update': OPERATOR_WRITERS,
  'tenant:manage': OPERATOR_WRITERS,
  'tenant:partner': OPERATOR_LEADS,
  'tenant:suspend': OPERATOR_WRITERS,
  'tenant:offboard': OPERATOR_LEADS,
  'provisioning:details': ALL_OPERATORS,
  'tenant:reconcile': OPERATOR_WRITERS,
  'member:read': ALL_OPERATORS,
  'member:write': OPERATOR_WRITERS,
  'user:search': ALL_OPERATORS,
  'domain:read': ALL_OPERATORS,
  'domain:write': OPERATOR_WRITERS,
  'subscription:read': ALL_OPERATORS,
  'subscription:write': OPERATOR_LEADS,
  'audit:read': ALL_OPERATORS,
  'audit:verify': OPERATOR_LEADS,
  'overview:read': ALL_OPERATORS,
  'partner:read': ALL_OPERATORS,
  'partner:create': OPERATOR_LEADS,
  'partner:update': OPERATOR_LEADS,
  'operator:read': ALL_OPERATORS,
  'operator:manage': SUPER_ADMINS,
  'system:read': ALL_OPERATORS,
  'probe:run': OPERATOR_WRITERS,
  'flag:read': ALL_OPERATORS,
  'flag:write': OPERATOR_LEADS,
  'flag:kill': OPERATOR_WRITERS,
} as const satisfies Record<string, readonly TOperatorRole[]>

export type TOperatorCapability = keyof typeof OPERATOR_CAPABILITIES

/** Whether an operator role holds a capability; no role holds none. */
export function operatorCan(role: TOperatorRole | null | undefined, capability: TOperatorCapability): boolean {
  return !!role && (OPERATOR_CAPABILITIES[capability] as readonly TOperatorRole[]).includes(role)
}
