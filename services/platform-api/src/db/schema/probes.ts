import { bigint, boolean, index, integer, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * One row per check of a dependency (see src/probes). Kept for PROBE_RETENTION_DAYS; the runner prunes
 * older rows in batches. `(probe, checked_at desc)` serves both "latest per probe" and "last N per probe".
 */
export const probeResults = pgTable('probe_results', {
  id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  probe: text().notNull(),
  checkedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  ok: boolean().notNull(),
  latencyMs: integer().notNull(),
  error: text(),
  /** Where a failed check stopped: tcp, http, greeting or query. */
  phase: text(),
}, t => [
  index('probe_results_probe_checked_idx').on(t.probe, t.checkedAt.desc()),
  index('probe_results_checked_idx').on(t.checkedAt),
])
export type ProbeResultRow = typeof probeResults.$inferSelect

/**
 * Each probe's current state, so a change (ok → failed, failed → ok) is decided under a row lock by
 * whoever records a result, and `changed_at` needs no scan of the history.
 */
export const probeStates = pgTable('probe_states', {
  probe: text().primaryKey(),
  ok: boolean().notNull(),
  changedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  checkedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
})

/**
 * The probing schedule shared by every API process: a process runs a round only if it moves `due_at`
 * forward while it has passed, so N processes still probe once per interval.
 */
export const probeRounds = pgTable('probe_rounds', {
  id: smallint().primaryKey(),
  dueAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  claimedBy: text().notNull(),
})
