import type { Database } from '../db/client'
import { sql } from 'drizzle-orm'

/**
 * Deletes results older than `retentionDays`, a batch at a time so a large backlog never holds one long
 * transaction (or blocks the recorders). Returns how many rows went.
 */
export async function pruneProbeResults(db: Database, retentionDays: number, batchSize = 1000): Promise<number> {
  let total = 0
  for (;;) {
    const { rowCount } = await db.execute(sql`
      delete from probe_results where id in (
        select id from probe_results where checked_at < now() - ${retentionDays} * interval '1 day'
         order by checked_at limit ${batchSize})`)
    total += rowCount ?? 0
    if ((rowCount ?? 0) < batchSize)
      return total
  }
}
