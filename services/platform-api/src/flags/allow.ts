import type { Capability } from '../auth/capabilities'
import type { Principal } from '../auth/principal'
import { can } from '../auth/capabilities'
import { forbidden } from '../http/problem'

const DENIED: Partial<Record<Capability, string>> = {
  'flag:read': 'Feature flags are for the provider\'s operators.',
  'flag:write': 'Changing feature flags is for the operations leads.',
  'flag:kill': 'The kill switch is for operators who act (not the NOC).',
}

/** Flags are the provider's: partners and customers never see their rules (403), only their values (OFREP). */
export function allow(principal: Principal, capability: Capability): void {
  if (!can(principal, capability))
    throw forbidden(DENIED[capability] ?? 'Not allowed.')
}
