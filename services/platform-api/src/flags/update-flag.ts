import type { TFlag, ZFlagUpdate } from '@dezky/contracts'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Queryable } from '../db/client'
import { diffFields } from '../audit/diff-fields'
import { checkDependencies } from './check-dependencies'
import { checkIfMatch } from './check-if-match'
import { flagSnapshot } from './flag-snapshot'
import { getFlag, getFlagRow } from './get-flag'
import { markFlagChanged } from './mark-flag-changed'

/** Name, description, type, tags or dependencies; with `If-Match`, only if nobody changed the flag meanwhile. */
export async function updateFlag(db: Queryable, key: string, input: z.output<typeof ZFlagUpdate>, ifMatch: string | null, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  const current = await getFlagRow(db, key, { forUpdate: true })
  checkIfMatch(ifMatch, current.version)
  if (input.dependencies)
    await checkDependencies(db, key, input.dependencies)
  const row = await markFlagChanged(db, key, input)
  await audit({
    action: 'flag.update',
    targetType: 'flag',
    targetId: key,
    tenantSlug: null,
    changes: diffFields(flagSnapshot(current), flagSnapshot(row)),
  })
  return getFlag(db, key)
}
