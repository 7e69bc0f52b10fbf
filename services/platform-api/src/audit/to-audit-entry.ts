import type { TAuditEntry } from '@dezky/contracts'
import type { AuditRow } from '../db/schema'

export function toAuditEntry(row: AuditRow): TAuditEntry {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { subject: row.actorSubject, roles: row.actorRoles },
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
