import type { FlagDefinition, UnleashSegment } from '@dezky/flags'
import type { Database, Transaction } from '../db/client'
import { eq } from 'drizzle-orm'
import { flagConfigs, flagOverrides, flags, flagSegments, flagSetVersion } from '../db/schema'

export interface FlagSetSnapshot {
  version: number
  definitions: FlagDefinition[]
  segments: UnleashSegment[]
  /** Display names, for explanations. */
  names: Map<string, { name: string, type: FlagDefinition['type'] }>
}

/**
 * Every flag with its rules and overrides in one environment, read in one repeatable-read snapshot so the
 * version matches the rows (a change committing in between would otherwise be missed until the next one).
 */
export function loadFlagSet(db: Database, environment: string): Promise<FlagSetSnapshot> {
  return db.transaction(tx => readFlagSet(tx, environment), { isolationLevel: 'repeatable read', accessMode: 'read only' })
}

async function readFlagSet(db: Transaction, environment: string): Promise<FlagSetSnapshot> {
  const [versionRow] = await db.select({ version: flagSetVersion.version }).from(flagSetVersion).where(eq(flagSetVersion.id, 1))
  // One after the other: a transaction is one connection, and pg does not run queries on it concurrently.
  const flagRows = await db.select().from(flags).orderBy(flags.key)
  const configRows = await db.select().from(flagConfigs).where(eq(flagConfigs.environment, environment))
  const overrideRows = await db.select().from(flagOverrides).where(eq(flagOverrides.environment, environment))
  const segmentRows = await db.select({ id: flagSegments.id, constraints: flagSegments.constraints }).from(flagSegments)
  const configs = new Map(configRows.map(row => [row.flagKey, row]))
  const overrides = Map.groupBy(overrideRows, row => row.flagKey)
  const definitions = flagRows.map((row): FlagDefinition => {
    const config = configs.get(row.key)
    return {
      key: row.key,
      type: row.type,
      killed: row.killedAt !== null,
      archived: row.archivedAt !== null,
      dependencies: row.dependencies,
      environments: config
        ? {
            [environment]: {
              state: config.state,
              rolloutPercent: config.rolloutPercent,
              stickiness: config.stickiness,
              strategies: config.strategies,
              variants: config.variants,
            },
          }
        : {},
      overrides: (overrides.get(row.key) ?? []).map(override => ({
        environment,
        scope: override.scope,
        scopeId: override.scopeId,
        value: override.value,
      })),
    }
  })
  return {
    version: Number(versionRow?.version ?? 0),
    definitions,
    segments: segmentRows,
    names: new Map(flagRows.map(row => [
      row.key,
      { name: row.name, type: row.type },
    ])),
  }
}
