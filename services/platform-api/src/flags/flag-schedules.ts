import type { TFlag, ZFlagScheduleCreate } from '@dezky/contracts'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, eq, isNull } from 'drizzle-orm'
import { flagSchedules } from '../db/schema'
import { badRequest, conflict, notFound } from '../http/problem'
import { getFlag, getFlagRow } from './get-flag'
import { getFlagEnvironment } from './get-flag-environment'
import { markFlagChanged } from './mark-flag-changed'

/** Schedules a change of one environment's state (turn on at 09:00, 50 % on Monday). */
export async function createFlagSchedule(db: Queryable, principal: Principal, key: string, input: z.output<typeof ZFlagScheduleCreate>, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  const flag = await getFlagRow(db, key, { forUpdate: true })
  await getFlagEnvironment(db, input.environment)
  if (flag.archivedAt)
    throw conflict(`"${key}" is archived; unarchive it to schedule changes.`)
  if (new Date(input.runAt).getTime() <= Date.now()) {
    throw badRequest('Invalid schedule', {
      detail: 'Schedule the change in the future.',
      errors: [
        { path: 'runAt', message: 'In the past' },
      ],
    })
  }
  if (input.change.state === 'rollout' && input.change.rolloutPercent === undefined) {
    throw badRequest('Invalid schedule', {
      detail: 'A rollout needs its percentage.',
      errors: [
        { path: 'change.rolloutPercent', message: 'Required for a rollout' },
      ],
    })
  }
  const [row] = await db.insert(flagSchedules).values({
    flagKey: key,
    environment: input.environment,
    runAt: new Date(input.runAt),
    change: input.change,
    createdBy: principal.email ?? principal.subject,
  }).returning()
  await markFlagChanged(db, key)
  await audit({
    action: 'flag.schedule_create',
    targetType: 'flag',
    targetId: key,
    tenantSlug: null,
    changes: [
      {
        field: `schedules.${row!.id}`,
        before: null,
        after: {
          environment: input.environment,
          runAt: row!.runAt.toISOString(),
          change: input.change,
        },
      },
    ],
  })
  return getFlag(db, key)
}

/** Cancels a pending schedule; one that ran (or was cancelled) is a 409. */
export async function cancelFlagSchedule(db: Queryable, key: string, id: number, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  await getFlagRow(db, key, { forUpdate: true })
  const [row] = await db.select().from(flagSchedules).where(and(eq(flagSchedules.id, id), eq(flagSchedules.flagKey, key))).for('update')
  if (!row)
    throw notFound('Schedule', `"${key}" has no schedule ${id}.`)
  if (row.appliedAt || row.cancelledAt)
    throw conflict(`Schedule ${id} already ${row.appliedAt ? 'ran' : 'was cancelled'}.`)
  await db.update(flagSchedules).set({
    cancelledAt: new Date(),
  }).where(eq(flagSchedules.id, id))
  await markFlagChanged(db, key)
  await audit({
    action: 'flag.schedule_cancel',
    targetType: 'flag',
    targetId: key,
    tenantSlug: null,
    changes: [
      {
        field: `schedules.${id}`,
        before: {
          environment: row.environment,
          runAt: row.runAt.toISOString(),
          change: row.change,
        },
        after: null,
      },
    ],
  })
  return getFlag(db, key)
}

/** An archived flag's pending schedules are cancelled with it. */
export async function cancelPendingSchedules(db: Queryable, key: string): Promise<void> {
  await db.update(flagSchedules).set({
    cancelledAt: new Date(),
  }).where(and(eq(flagSchedules.flagKey, key), isNull(flagSchedules.appliedAt), isNull(flagSchedules.cancelledAt)))
}
