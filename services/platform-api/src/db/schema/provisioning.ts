import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { STEP_NAMES, STEP_STATUSES } from '../../provisioning/step'
import { tenants } from './tenants'

export const provisioningStepName = pgEnum('provisioning_step', STEP_NAMES)
export const provisioningStatus = pgEnum('provisioning_status', STEP_STATUSES)

/**
 * One row per tenant and step: the step's state and, at the same time, the durable work queue. A row is
 * due when `next_attempt_at` has passed and no live lease holds it; workers claim due rows with
 * `FOR UPDATE SKIP LOCKED` and a lease, so a worker killed mid-step only delays the step until its
 * lease runs out. `generation` counts change requests: a run that started from an older generation
 * leaves the row due again when it finishes, so no change is lost to a run already under way.
 */
export const provisioningSteps = pgTable('provisioning_steps', {
  tenantId: uuid().notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  step: provisioningStepName().notNull(),
  status: provisioningStatus().notNull().default('pending'),
  /** Consecutive failed attempts; back to 0 after a success or an explicit retry. */
  attempts: integer().notNull().default(0),
  lastError: text(),
  /** Why a step is waiting or skipped (e.g. "DKIM keys are being generated"). */
  detail: text(),
  /** Null: resting (converged until the next change, or failed for good until retried). */
  nextAttemptAt: timestamp({ withTimezone: true, precision: 3 }),
  generation: integer().notNull().default(1),
  runGeneration: integer().notNull().default(0),
  leaseOwner: text(),
  leaseUntil: timestamp({ withTimezone: true, precision: 3 }),
  lastStartedAt: timestamp({ withTimezone: true, precision: 3 }),
  lastReconciledAt: timestamp({ withTimezone: true, precision: 3 }),
  /** Upstream ids the step saw (group uuids, account ids, space id). */
  observed: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  /** What the step produced for the UIs (DNS records to publish, onboarding `sentAt`). */
  outputs: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, t => [
  primaryKey({
    columns: [t.tenantId, t.step],
  }),
  index('provisioning_due_idx').on(t.nextAttemptAt).where(sql`${t.nextAttemptAt} is not null`),
])
export type ProvisioningStepRow = typeof provisioningSteps.$inferSelect
