import type { Queryable } from '../db/client'
import { asc, gt } from 'drizzle-orm'
import { auditLog } from '../db/schema'
import { GENESIS_HASH, hashEntry } from './hash-entry'

export interface ChainReport {
  ok: boolean
  checked: number
  /** The first entry whose content, link or position does not match the chain. */
  firstBroken: { seq: number, id: string, reason: 'hash-mismatch' | 'broken-link' | 'gap' } | null
}

/** Walks the whole log in seq order, in pages, recomputing every hash and link. */
export async function verifyAuditChain(db: Queryable, pageSize = 1000): Promise<ChainReport> {
  let previousHash = GENESIS_HASH
  let expectedSeq = 1
  let checked = 0
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, expectedSeq - 1)).orderBy(asc(auditLog.seq)).limit(pageSize)
    for (const row of rows) {
      const reason = row.seq !== expectedSeq
        ? 'gap'
        : row.prevHash !== previousHash
          ? 'broken-link'
          : hashEntry(row) !== row.hash
            ? 'hash-mismatch'
            : null
      if (reason) {
        return {
          ok: false,
          checked,
          firstBroken: { seq: row.seq, id: row.id, reason },
        }
      }
      previousHash = row.hash
      expectedSeq++
      checked++
    }
    if (rows.length < pageSize)
      return { ok: true, checked, firstBroken: null }
  }
}
