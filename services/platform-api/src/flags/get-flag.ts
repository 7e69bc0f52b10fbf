import type { TFlag } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import type { FlagRow } from '../db/schema'
import { asc, desc, eq, max, sql } from 'drizzle-orm'
import { flagConfigs, flagEvaluationCounts, flagOverrides, flags, flagSchedules } from '../db/schema'
import { notFound } from '../http/problem'
import { toFlag } from './to-flag'

/** The flag row, locked for the rest of the transaction when it is about to change; 404 when unknown. */
export async function getFlagRow(db: Queryable, key: string, options: { forUpdate?: boolean } = {}): Promise<FlagRow> {
  const query = db.select().from(flags).where(eq(flags.key, key))
  const [row] = options.forUpdate
    ? await query.for('update')
    : await query
  if (!row)
    throw notFound('Flag', `There is no flag "${key}".`)
  return row
}

/** Schedules shown with a flag: every pending one, and the last 20 that ran or were cancelled. */
const PAST_SCHEDULES = 20

/** A flag with every environment's rule, its overrides, schedules, last evaluation and stale reasons. */
export async function getFlag(db: Queryable, key: string): Promise<TFlag> {
  const row = await getFlagRow(db, key)
  // One after the other: mutations call this in their transaction, one connection that pg does not share.
  const configs = await db.select().from(flagConfigs).where(eq(flagConfigs.flagKey, key))
  const overrides = await db.select().from(flagOverrides).where(eq(flagOverrides.flagKey, key)).orderBy(asc(flagOverrides.environment), asc(flagOverrides.scope), asc(flagOverrides.scopeId))
  const schedules = await db.select().from(flagSchedules).where(eq(flagSchedules.flagKey, key)).orderBy(
    sql`(${flagSchedules.appliedAt} is null and ${flagSchedules.cancelledAt} is null) desc`,
    desc(flagSchedules.runAt),
  ).limit(200)
  const [evaluated] = await db.select({
    last: max(flagEvaluationCounts.hour),
  }).from(flagEvaluationCounts).where(eq(flagEvaluationCounts.flagKey, key))
  const pending = schedules.filter(schedule => !schedule.appliedAt && !schedule.cancelledAt).sort((a, b) => a.runAt.getTime() - b.runAt.getTime())
  const past = schedules.filter(schedule => schedule.appliedAt || schedule.cancelledAt).slice(0, PAST_SCHEDULES)
  return toFlag(row, {
    configs,
    overrides,
    schedules: [
      ...pending,
      ...past,
    ],
    lastEvaluatedAt: evaluated?.last ?? null,
  })
}
