import type { Database } from '../db/client'
import { sql } from 'drizzle-orm'

export type RoundClaim = { claimed: true } | { claimed: false, waitMs: number }

/**
 * Takes this interval's probing round if it is due, for every API process at once: the single schedule
 * row moves forward only for the one whose update sees it due. The others learn how long to wait, so
 * they try again right when the next round falls due instead of polling.
 */
export async function claimProbeRound(db: Database, owner: string, intervalMs: number): Promise<RoundClaim> {
  const { rows } = await db.execute<{ claimed: boolean, wait_ms: number | string | null }>(sql`
    with claimed as (
      insert into probe_rounds (id, due_at, claimed_by)
      values (1, now() + ${intervalMs} * interval '1 millisecond', ${owner})
      on conflict (id) do update set due_at = excluded.due_at, claimed_by = excluded.claimed_by
        where probe_rounds.due_at <= now()
      returning id)
    select exists (select 1 from claimed) as claimed,
           (select extract(epoch from (due_at - now())) * 1000 from probe_rounds where id = 1)::float8 as wait_ms`)
  const row = rows[0]!
  return row.claimed
    ? { claimed: true }
    : {
        claimed: false,
        waitMs: Math.max(0, Math.min(intervalMs, Math.ceil(Number(row.wait_ms ?? intervalMs)))),
      }
}
