import type { TFlagEvaluationCounts } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { and, asc, eq, gte } from 'drizzle-orm'
import { flagEvaluationCounts } from '../db/schema'
import { getFlagRow } from './get-flag'

const HOUR_MS = 3_600_000

/**
 * A flag's evaluations per UTC hour over the last `hours`, as flushed by the API processes (each flushes
 * every FLAG_COUNTS_FLUSH_SECONDS, so the current hour lags by up to that).
 */
export async function findFlagEvaluations(db: Queryable, key: string, environment: string, hours: number): Promise<TFlagEvaluationCounts> {
  await getFlagRow(db, key)
  const to = new Date()
  const from = new Date(Math.floor(to.getTime() / HOUR_MS) * HOUR_MS - (hours - 1) * HOUR_MS)
  const rows = await db.select().from(flagEvaluationCounts).where(and(eq(flagEvaluationCounts.flagKey, key), eq(flagEvaluationCounts.environment, environment), gte(flagEvaluationCounts.hour, from))).orderBy(asc(flagEvaluationCounts.hour))
  return {
    key,
    environment,
    from: from.toISOString(),
    to: to.toISOString(),
    hours: rows.map(row => ({
      hour: row.hour.toISOString(),
      enabled: row.enabled,
      disabled: row.disabled,
    })),
  }
}
