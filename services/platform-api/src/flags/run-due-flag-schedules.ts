import type { Logger } from 'pino'
import type { Database } from '../db/client'
import { and, asc, eq, isNull, lte } from 'drizzle-orm'
import { writeAuditEntry } from '../audit/write-audit-entry'
import { flagConfigs, flags, flagSchedules } from '../db/schema'
import { RECONCILER_ACTOR } from '../provisioning/system-actor'
import { markFlagChanged } from './mark-flag-changed'

/**
 * Applies the schedules that are due, each in its own transaction and exactly once across processes
 * (`FOR UPDATE SKIP LOCKED`: a row another process is applying is skipped, and an applied row is no
 * longer pending). A killed or archived flag is not changed: the schedule records why.
 */
export async function runDueFlagSchedules(db: Database, logger: Logger, limit = 50): Promise<number> {
  let applied = 0
  for (let i = 0; i < limit; i++) {
    const ran = await db.transaction(async (tx) => {
      const [schedule] = await tx.select().from(flagSchedules).where(and(isNull(flagSchedules.appliedAt), isNull(flagSchedules.cancelledAt), lte(flagSchedules.runAt, new Date()))).orderBy(asc(flagSchedules.runAt)).limit(1).for('update', { skipLocked: true })
      if (!schedule)
        return false
      const [flag] = await tx.select().from(flags).where(eq(flags.key, schedule.flagKey)).for('update')
      const refused = flag?.killedAt
        ? 'The flag was killed; restore it and schedule again.'
        : flag?.archivedAt
          ? 'The flag was archived.'
          : null
      if (refused) {
        await tx.update(flagSchedules).set({
          appliedAt: new Date(),
          error: refused,
        }).where(eq(flagSchedules.id, schedule.id))
        return true
      }
      const [before] = await tx.select().from(flagConfigs).where(and(eq(flagConfigs.flagKey, schedule.flagKey), eq(flagConfigs.environment, schedule.environment)))
      const change = {
        state: schedule.change.state,
        ...(schedule.change.rolloutPercent === undefined
          ? {}
          : { rolloutPercent: schedule.change.rolloutPercent }),
        updatedAt: new Date(),
      }
      await tx.insert(flagConfigs).values({ flagKey: schedule.flagKey, environment: schedule.environment, ...change }).onConflictDoUpdate({
        target: [flagConfigs.flagKey, flagConfigs.environment],
        set: change,
      })
      await tx.update(flagSchedules).set({
        appliedAt: new Date(),
      }).where(eq(flagSchedules.id, schedule.id))
      await markFlagChanged(tx, schedule.flagKey)
      await writeAuditEntry(tx, { ...RECONCILER_ACTOR, subject: 'system:flag-scheduler' }, {
        action: 'flag.schedule_apply',
        targetType: 'flag',
        targetId: schedule.flagKey,
        tenantSlug: null,
        changes: [
          { field: `${schedule.environment}.state`, before: before?.state ?? 'off', after: schedule.change.state },
          ...(schedule.change.rolloutPercent === undefined
            ? []
            : [
                { field: `${schedule.environment}.rolloutPercent`, before: before?.rolloutPercent ?? 0, after: schedule.change.rolloutPercent },
              ]),
          { field: `schedules.${schedule.id}`, before: 'pending', after: 'applied' },
        ],
      })
      return true
    })
    if (!ran)
      break
    applied++
  }
  if (applied > 0)
    logger.info({ applied }, 'flag schedules applied')
  return applied
}
