import type { Queryable } from '../db/client'
import type { FlagRow } from '../db/schema'
import { eq, sql } from 'drizzle-orm'
import { flags } from '../db/schema'
import { notifyFlagsChanged } from './notify-flags-changed'

/**
 * Every change to a flag — its definition, a rule, an override, the kill switch, a schedule — bumps the
 * flag's version (If-Match, the console's "changed meanwhile") and the flag set's (caches, ETags), and
 * announces it, in the caller's transaction.
 */
export async function markFlagChanged(db: Queryable, key: string, patch: Partial<FlagRow> = {}): Promise<FlagRow> {
  const [row] = await db.update(flags).set({
    ...patch,
    version: sql`${flags.version} + 1`,
    updatedAt: new Date(),
  }).where(eq(flags.key, key)).returning()
  await notifyFlagsChanged(db, [key])
  return row!
}
