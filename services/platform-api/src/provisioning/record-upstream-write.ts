import type { Logger } from 'pino'
import type { Database } from '../db/client'
import type { UpstreamWrite } from './step'
import { writeAuditEntry } from '../audit/write-audit-entry'
import { RECONCILER_ACTOR } from './system-actor'
import { retryable, UpstreamError } from './upstream-error'

export interface UpstreamWriteLog {
  /** Queues the audit entry of one upstream write that succeeded; returns at once. */
  record: (write: UpstreamWrite) => Promise<void>
  /** Resolves when every queued entry is in the audit log (rejects if one could not be written, which is also logged). */
  flush: () => Promise<void>
}

/**
 * Turns a run's upstream writes into audit entries by `system:reconciler`, in the order they happened,
 * without making the step wait for each: entries queued while one transaction is being written go into
 * the next one together, so a step's upstream calls and the audit chain's lock do not take turns. The
 * run flushes before it stores its outcome. (The upstream and our database cannot share a transaction;
 * a crash between an upstream write and its entry loses that entry, never the write's effect — the next
 * run sees it done and writes nothing.)
 */
export function createUpstreamWriteLog(db: Database, tenantSlug: string, runId: string, logger: Logger): UpstreamWriteLog {
  let queued: UpstreamWrite[] = []
  let writing: Promise<void> = Promise.resolve()
  let failure: unknown

  const writeQueued = async () => {
    const batch = queued
    queued = []
    if (!batch.length)
      return
    try {
      await db.transaction(async (tx) => {
        for (const write of batch) {
          await writeAuditEntry(tx, { ...RECONCILER_ACTOR, requestId: runId }, {
            action: write.action,
            targetType: write.targetType,
            targetId: write.targetId,
            tenantSlug,
            changes: write.changes,
          })
        }
      })
    }
    catch (error) {
      failure ??= error
      logger.error({
        err: (error as Error).message,
        entries: batch.map(write => write.action),
      }, 'audit entries of upstream writes were not written')
    }
  }

  return {
    record: async (write) => {
      // The audit log is failing: stop the step before it makes more writes nobody will see.
      if (failure)
        throw retryable(write.upstream, `audit log unavailable, stopping before more upstream writes: ${(failure as Error).message}`)
      queued.push(write)
      if (queued.length === 1)
        writing = writing.then(writeQueued)
    },
    flush: async () => {
      await writing
      if (failure)
        throw failure
    },
  }
}

/**
 * The audit entry for a call that may have changed an upstream but whose answer was lost, e.g. action
 * `authentik.write.unconfirmed` on `authentik.request` `POST /api/v3/core/groups/`; undefined for any
 * other failure.
 */
export function unconfirmedWriteOf(error: unknown): UpstreamWrite | undefined {
  if (!(error instanceof UpstreamError) || !error.details.unconfirmedWrite)
    return undefined
  return {
    upstream: error.upstream,
    action: `${error.upstream}.write.unconfirmed`,
    targetType: `${error.upstream}.request`,
    targetId: error.details.unconfirmedWrite,
    changes: [],
  }
}
