import type { AuditRow } from '../db/schema'
import { createHash } from 'node:crypto'
import { canonicalJson } from './canonical-json'

export const GENESIS_HASH = '0'.repeat(64)

/** The fields an entry's hash covers: all of them but the hash itself. */
export type HashedFields = Omit<AuditRow, 'hash'>

/**
 * SHA-256 over the canonical JSON of an entry, including the previous entry's hash (the chain link). The
 * actor's email and name (migration 0008) are covered when the entry has them and left out when it has
 * none, so every entry written before they existed keeps the hash it was written with.
 */
export function hashEntry(entry: HashedFields): string {
  return createHash('sha256').update(canonicalJson({
    ...(entry.actorEmail != null
      ? { actorEmail: entry.actorEmail }
      : {}),
    ...(entry.actorName != null
      ? { actorName: entry.actorName }
      : {}),
    seq: entry.seq,
    id: entry.id,
    at: entry.at.toISOString(),
    actorSubject: entry.actorSubject,
    actorRoles: entry.actorRoles,
    actingAs: entry.actingAs,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    tenantSlug: entry.tenantSlug,
    requestId: entry.requestId,
    ip: entry.ip,
    userAgent: entry.userAgent,
    changes: entry.changes,
    prevHash: entry.prevHash,
  })).digest('hex')
}
