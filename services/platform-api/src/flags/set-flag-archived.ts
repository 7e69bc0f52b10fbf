import type { TFlag } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Queryable } from '../db/client'
import { diffFields } from '../audit/diff-fields'
import { conflict } from '../http/problem'
import { cancelPendingSchedules } from './flag-schedules'
import { flagSnapshot } from './flag-snapshot'
import { getFlag, getFlagRow } from './get-flag'
import { markFlagChanged } from './mark-flag-changed'

/**
 * Archiving retires a flag: it is kept (its history, its key) but evaluates off and leaves the lists;
 * its pending schedules are cancelled. Unarchiving brings it back with the rules it had.
 */
export async function setFlagArchived(db: Queryable, key: string, archived: boolean, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  const current = await getFlagRow(db, key, { forUpdate: true })
  if (archived === (current.archivedAt !== null)) {
    throw conflict(archived
      ? `"${key}" is already archived.`
      : `"${key}" is not archived.`)
  }
  const row = await markFlagChanged(db, key, {
    archivedAt: archived
      ? new Date()
      : null,
  })
  if (archived)
    await cancelPendingSchedules(db, key)
  await audit({
    action: archived ? 'flag.archive' : 'flag.unarchive',
    targetType: 'flag',
    targetId: key,
    tenantSlug: null,
    changes: diffFields(flagSnapshot(current), flagSnapshot(row)),
  })
  return getFlag(db, key)
}
