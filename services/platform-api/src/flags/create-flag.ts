import type { TFlag, ZFlagCreate } from '@dezky/contracts'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Queryable } from '../db/client'
import { diffFields } from '../audit/diff-fields'
import { flags } from '../db/schema'
import { conflict } from '../http/problem'
import { checkDependencies } from './check-dependencies'
import { flagSnapshot } from './flag-snapshot'
import { getFlag } from './get-flag'
import { notifyFlagsChanged } from './notify-flags-changed'

/** A new flag, off in every environment until a rule is set. A taken key (archived flags too) is a 409. */
export async function createFlag(db: Queryable, input: z.output<typeof ZFlagCreate>, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  await checkDependencies(db, input.key, input.dependencies)
  const [row] = await db.insert(flags).values(input).onConflictDoNothing().returning()
  if (!row)
    throw conflict(`A flag "${input.key}" exists already (archived flags keep their key).`)
  await notifyFlagsChanged(db, [row.key])
  await audit({
    action: 'flag.create',
    targetType: 'flag',
    targetId: row.key,
    tenantSlug: null,
    changes: diffFields(null, flagSnapshot(row)),
  })
  return getFlag(db, row.key)
}
