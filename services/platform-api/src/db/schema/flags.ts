import type { TFlagConstraint, TFlagDependency, TFlagScheduledChange, TFlagStrategy, TFlagVariant } from '@dezky/contracts'
import { FLAG_SCOPES, FLAG_STATES, FLAG_STICKINESS, FLAG_TYPES } from '@dezky/contracts'
import { sql } from 'drizzle-orm'
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core'

export const flagType = pgEnum('flag_type', FLAG_TYPES)
export const flagState = pgEnum('flag_state', FLAG_STATES)
export const flagStickiness = pgEnum('flag_stickiness', FLAG_STICKINESS)
export const flagScope = pgEnum('flag_scope', FLAG_SCOPES)

/** Where flags are evaluated; seeded with development, staging and production. */
export const flagEnvironments = pgTable('flag_environments', {
  key: text().primaryKey(),
  name: text().notNull(),
  sortOrder: smallint().notNull().default(0),
})

/** A flag's definition, the same in every environment. Archived flags are kept (and never evaluated). */
export const flags = pgTable('flags', {
  key: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull().default(''),
  type: flagType().notNull(),
  tags: text().array().notNull().default([]),
  dependencies: jsonb().$type<TFlagDependency[]>().notNull().default([]),
  /** The kill switch: while set, the flag is off in every environment, overrides included. */
  killedAt: timestamp({ withTimezone: true, precision: 3 }),
  killedBy: text(),
  killReason: text(),
  archivedAt: timestamp({ withTimezone: true, precision: 3 }),
  /** Bumped by every change to the flag, its rules, overrides or schedules (optimistic concurrency, ETags). */
  version: integer().notNull().default(1),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
})
export type FlagRow = typeof flags.$inferSelect

/** A flag's rule in one environment (no row = off). */
export const flagConfigs = pgTable('flag_configs', {
  flagKey: text().notNull().references(() => flags.key, { onDelete: 'cascade', onUpdate: 'cascade' }),
  environment: text().notNull().references(() => flagEnvironments.key, { onDelete: 'restrict' }),
  state: flagState().notNull().default('off'),
  rolloutPercent: smallint().notNull().default(0),
  stickiness: flagStickiness().notNull().default('default'),
  strategies: jsonb().$type<TFlagStrategy[]>().notNull().default([]),
  variants: jsonb().$type<TFlagVariant[]>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, t => [
  primaryKey({
    columns: [t.flagKey, t.environment],
  }),
])
export type FlagConfigRow = typeof flagConfigs.$inferSelect

/** Forces a flag on or off for one partner, tenant (slug) or user (id) in one environment. */
export const flagOverrides = pgTable('flag_overrides', {
  flagKey: text().notNull().references(() => flags.key, { onDelete: 'cascade', onUpdate: 'cascade' }),
  environment: text().notNull().references(() => flagEnvironments.key, { onDelete: 'restrict' }),
  scope: flagScope().notNull(),
  scopeId: text().notNull(),
  value: boolean().notNull(),
  note: text(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, t => [
  primaryKey({
    columns: [
      t.flagKey,
      t.environment,
      t.scope,
      t.scopeId,
    ],
  }),
  // "Which flags does this tenant override?" (the tenant's Flags tab).
  index('flag_overrides_scope_idx').on(t.scope, t.scopeId),
])
export type FlagOverrideRow = typeof flagOverrides.$inferSelect

/** Reusable constraint sets referenced by id from strategies. */
export const flagSegments = pgTable('flag_segments', {
  id: serial().primaryKey(),
  name: text().notNull().unique(),
  description: text().notNull().default(''),
  constraints: jsonb().$type<TFlagConstraint[]>().notNull().default([]),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
})
export type FlagSegmentRow = typeof flagSegments.$inferSelect

/** A change to apply at a time (turn on, set a rollout); claimed by one API process when due. */
export const flagSchedules = pgTable('flag_schedules', {
  id: serial().primaryKey(),
  flagKey: text().notNull().references(() => flags.key, { onDelete: 'cascade', onUpdate: 'cascade' }),
  environment: text().notNull().references(() => flagEnvironments.key, { onDelete: 'restrict' }),
  runAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  change: jsonb().$type<TFlagScheduledChange>().notNull(),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  createdBy: text(),
  appliedAt: timestamp({ withTimezone: true, precision: 3 }),
  cancelledAt: timestamp({ withTimezone: true, precision: 3 }),
  error: text(),
}, t => [
  // The runner's "what is due": pending rows by time.
  index('flag_schedules_due_idx').on(t.runAt).where(sql`applied_at is null and cancelled_at is null`),
  index('flag_schedules_flag_idx').on(t.flagKey, t.runAt),
])
export type FlagScheduleRow = typeof flagSchedules.$inferSelect

/**
 * Evaluations per flag, environment and UTC hour, added to by each process's in-memory counter when it
 * flushes (never a write per evaluation).
 */
export const flagEvaluationCounts = pgTable('flag_evaluation_counts', {
  flagKey: text().notNull(),
  environment: text().notNull(),
  hour: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  enabled: bigint({ mode: 'number' }).notNull().default(0),
  disabled: bigint({ mode: 'number' }).notNull().default(0),
}, t => [
  primaryKey({
    columns: [t.flagKey, t.environment, t.hour],
  }),
  index('flag_evaluation_counts_hour_idx').on(t.hour),
])

/**
 * One row: the version of the whole flag set, bumped (and NOTIFY'd) by every change, so caches and ETags
 * need no scan to know whether anything changed.
 */
export const flagSetVersion = pgTable('flag_set_version', {
  id: smallint().primaryKey(),
  version: bigint({ mode: 'number' }).notNull().default(1),
  changedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
})
