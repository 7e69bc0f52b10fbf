import type { TFlag } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { diffFields } from '../audit/diff-fields'
import { conflict } from '../http/problem'
import { flagSnapshot } from './flag-snapshot'
import { getFlag, getFlagRow } from './get-flag'
import { markFlagChanged } from './mark-flag-changed'

/**
 * The kill switch: one action turns the flag off in every environment, overrides included, until it is
 * restored; both need a reason, kept on the flag and in the audit entry. Killing a killed flag (or
 * restoring a live one) is a 409, so two operators racing to the button learn that one of them already did.
 */
export async function setFlagKill(db: Queryable, principal: Principal, key: string, kill: boolean, reason: string, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  const current = await getFlagRow(db, key, { forUpdate: true })
  if (kill === (current.killedAt !== null)) {
    throw conflict(kill
      ? `"${key}" is already killed.`
      : `"${key}" is not killed.`)
  }
  const row = await markFlagChanged(db, key, kill
    ? {
        killedAt: new Date(),
        killedBy: principal.email ?? principal.subject,
        killReason: reason,
      }
    : { killedAt: null, killedBy: null, killReason: null })
  await audit({
    action: kill ? 'flag.kill' : 'flag.restore',
    targetType: 'flag',
    targetId: key,
    tenantSlug: null,
    changes: [
      ...diffFields(flagSnapshot(current), flagSnapshot(row)),
      { field: 'reason', before: null, after: reason },
    ],
  })
  return getFlag(db, key)
}
