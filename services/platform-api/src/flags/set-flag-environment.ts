import type { TFlag, TFlagEnvironmentConfig } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { flagConfigs } from '../db/schema'
import { checkIfMatch } from './check-if-match'
import { checkRules } from './check-rules'
import { getFlag, getFlagRow } from './get-flag'
import { getFlagEnvironment } from './get-flag-environment'
import { markFlagChanged } from './mark-flag-changed'
import { toFlagConfig } from './to-flag'

/** Replaces a flag's rule in one environment (state, rollout, strategies, variants); audited as a diff. */
export async function setFlagEnvironment(db: Queryable, key: string, environment: string, config: TFlagEnvironmentConfig, ifMatch: string | null, audit: (entry: AuditInput) => Promise<void>): Promise<TFlag> {
  const flag = await getFlagRow(db, key, { forUpdate: true })
  checkIfMatch(ifMatch, flag.version)
  await getFlagEnvironment(db, environment)
  await checkRules(db, config)
  const [before] = await db.select().from(flagConfigs).where(and(eq(flagConfigs.flagKey, key), eq(flagConfigs.environment, environment)))
  const values = {
    ...config,
    updatedAt: new Date(),
  }
  await db.insert(flagConfigs).values({ flagKey: key, environment, ...values }).onConflictDoUpdate({
    target: [flagConfigs.flagKey, flagConfigs.environment],
    set: values,
  })
  await markFlagChanged(db, key)
  await audit({
    action: 'flag.rule_update',
    targetType: 'flag',
    targetId: key,
    tenantSlug: null,
    changes: diffFields(
      {
        [environment]: before
          ? toFlagConfig(before)
          : null,
      },
      { [environment]: config },
    ),
  })
  return getFlag(db, key)
}
