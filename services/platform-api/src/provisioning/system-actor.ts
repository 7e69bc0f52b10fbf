import type { AuditActor } from '../audit/write-audit-entry'

/** The audit actor of everything the reconciler does on its own. */
export const RECONCILER_ACTOR: AuditActor = {
  subject: 'system:reconciler',
  roles: [],
  actingAs: null,
  requestId: null,
  ip: null,
  userAgent: null,
}
