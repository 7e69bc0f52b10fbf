import type { Queryable } from '../db/client'
import { sql } from 'drizzle-orm'

/** The channel every flag change is announced on; the evaluation caches and `GET /flags/events` listen. */
export const FLAGS_CHANNEL = 'dezky_flags'

/**
 * Bumps the flag set's version and announces the change, in the caller's transaction: the NOTIFY is
 * delivered only if the change commits, and the version (read by every cache's fallback poll and baked
 * into OFREP ETags) moves with it. Returns the new version.
 */
export async function notifyFlagsChanged(db: Queryable, keys: readonly string[]): Promise<number> {
  const { rows } = await db.execute<{ version: string }>(sql`
    update flag_set_version set version = version + 1, changed_at = now() where id = 1 returning version`)
  const version = Number(rows[0]!.version)
  await db.execute(sql`select pg_notify(${FLAGS_CHANNEL}, ${JSON.stringify({ version, keys })})`)
  return version
}
