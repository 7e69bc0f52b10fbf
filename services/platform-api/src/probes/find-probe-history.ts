import type { TProbeHistory, TProbeName } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { desc, eq } from 'drizzle-orm'
import { probeResults } from '../db/schema'
import { toProbeResult } from './to-probe-result'

/** A probe's last `limit` results, newest first (kept for PROBE_RETENTION_DAYS). */
export async function findProbeHistory(db: Queryable, name: TProbeName, limit: number): Promise<TProbeHistory> {
  const rows = await db.select().from(probeResults).where(eq(probeResults.probe, name)).orderBy(desc(probeResults.checkedAt), desc(probeResults.id)).limit(limit)
  return {
    name,
    items: rows.map(toProbeResult),
  }
}
