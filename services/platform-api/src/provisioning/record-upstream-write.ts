import type { Database } from '../db/client'
import type { UpstreamWrite } from './step'
import { writeAuditEntry } from '../audit/write-audit-entry'
import { RECONCILER_ACTOR } from './system-actor'

/**
 * Makes one upstream write an audit entry by `system:reconciler`, right after the write succeeded. (The
 * upstream and our database cannot share a transaction; a crash between the two loses at most the
 * entry of that one write, never the write's effect — the next run sees it done and writes nothing.)
 */
export async function recordUpstreamWrite(db: Database, tenantSlug: string, write: UpstreamWrite, runId: string): Promise<void> {
  await db.transaction(tx => writeAuditEntry(tx, { ...RECONCILER_ACTOR, requestId: runId }, {
    action: write.action,
    targetType: write.targetType,
    targetId: write.targetId,
    tenantSlug,
    changes: write.changes,
  }))
}
