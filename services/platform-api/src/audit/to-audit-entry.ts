import type { TAuditEntry } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { AuditRow } from '../db/schema'

/**
 * An entry as `reader` sees it. Operators read who every actor was; everyone else reads the names of
 * their own people and their partner's, but not of the provider's staff: the portal shows their work as
 * the provider's support, and a customer has no use for a staff member's address.
 */
export function toAuditEntry(row: AuditRow, reader: Principal): TAuditEntry {
  const named = reader.operatorRole !== null || !row.actorRoles.some(role => role.startsWith('operator:'))
  return {
    id: row.id,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: {
      subject: row.actorSubject,
      roles: row.actorRoles,
      email: named ? row.actorEmail : null,
      name: named ? row.actorName : null,
    },
    actingAs: row.actingAs,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    tenantSlug: row.tenantSlug,
    requestId: row.requestId,
    ip: row.ip,
    userAgent: row.userAgent,
    changes: row.changes,
    prevHash: row.prevHash,
    hash: row.hash,
  }
}
