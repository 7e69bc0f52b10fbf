import type { FlagEvaluation } from '@dezky/flags'
import type { Logger } from 'pino'
import type { Database } from '../db/client'
import { sql } from 'drizzle-orm'

export interface EvaluationCounter {
  /** Counts answers in memory; nothing is written until the next flush. */
  count: (evaluations: readonly FlagEvaluation[]) => void
  /** Writes what was counted (one statement) and starts over; what fails to write is kept for the next. */
  flush: () => Promise<void>
  close: () => Promise<void>
}

const HOUR_MS = 3_600_000

/**
 * Evaluation counts per flag and UTC hour, aggregated in memory and added to `flag_evaluation_counts` by
 * one upsert per flush — never a write per evaluation: an OFREP bulk call evaluates every flag, and the
 * portal makes one per page view. Counts of a failed flush are merged back, so an outage loses none.
 */
export function createEvaluationCounter(options: { db: Database, logger: Logger, environment: string, flushMs: number }): EvaluationCounter {
  const { db, logger, environment } = options
  /** `hour|key` → [enabled, disabled]. */
  let counts = new Map<string, [number, number]>()
  let flushing: Promise<void> | undefined

  function count(evaluations: readonly FlagEvaluation[]) {
    const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS
    for (const evaluation of evaluations) {
      const slot = `${hour}|${evaluation.key}`
      let pair = counts.get(slot)
      if (!pair) {
        pair = [0, 0]
        counts.set(slot, pair)
      }
      pair[evaluation.value ? 0 : 1]++
    }
  }

  async function write(batch: Map<string, [number, number]>) {
    const rows = [...batch].map(([slot, [enabled, disabled]]) => {
      const [hour, key] = [
        slot.slice(0, slot.indexOf('|')),
        slot.slice(slot.indexOf('|') + 1),
      ]
      return sql`(${key}, ${environment}, ${new Date(Number(hour)).toISOString()}::timestamptz, ${enabled}, ${disabled})`
    })
    await db.execute(sql`
      insert into flag_evaluation_counts (flag_key, environment, hour, enabled, disabled)
      values ${sql.join(rows, sql`, `)}
      on conflict (flag_key, environment, hour) do update
        set enabled = flag_evaluation_counts.enabled + excluded.enabled,
            disabled = flag_evaluation_counts.disabled + excluded.disabled`)
  }

  async function flush() {
    if (flushing)
      return flushing
    if (counts.size === 0)
      return
    const batch = counts
    counts = new Map()
    flushing = write(batch).catch((error) => {
      logger.warn({ err: (error as Error).message, slots: batch.size }, 'flag evaluation counts not written; kept for the next flush')
      for (const [slot, [enabled, disabled]] of batch) {
        const pair = counts.get(slot) ?? [0, 0]
        counts.set(slot, [pair[0] + enabled, pair[1] + disabled])
      }
    }).finally(() => {
      flushing = undefined
    })
    return flushing
  }

  const timer = setInterval(() => void flush(), options.flushMs)
  timer.unref()

  return {
    count,
    flush,
    async close() {
      clearInterval(timer)
      await flushing
      await flush()
    },
  }
}
