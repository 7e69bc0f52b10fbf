import type { TFlagListItem, TFlagState, TFlagType, TPage } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { and, asc, count, eq, gt, ilike, inArray, isNotNull, isNull, max, or, sql } from 'drizzle-orm'
import { flagConfigs, flagEvaluationCounts, flagOverrides, flags, flagSchedules } from '../db/schema'
import { badRequest } from '../http/problem'
import { toFlagListItem } from './to-flag'

export interface FindFlagsOptions {
  q?: string
  type?: TFlagType
  /** Only flags with a stale reason. */
  stale?: boolean
  /** `only`: archived flags alone; `include`: both; default: live flags alone. */
  archived?: 'only' | 'include'
  limit: number
  cursor?: string
}

function decodeCursor(cursor: string) {
  const key = Buffer.from(cursor, 'base64url').toString('utf8')
  if (!/^[a-z0-9._-]{1,100}$/.test(key))
    throw badRequest('Invalid cursor', { detail: 'Use the nextCursor of the previous page.' })
  return key
}

/**
 * Flags by key, searched in key, name, description and tags. The stale filter is decided in code
 * (lifetimes per type, last evaluation), so it reads every live flag — a provider has hundreds of flags,
 * not millions.
 */
export async function findFlags(db: Queryable, options: FindFlagsOptions): Promise<TPage<TFlagListItem>> {
  const pattern = options.q
    ? `%${options.q.replace(/[\\%_]/g, match => `\\${match}`)}%`
    : undefined
  const where = and(
    options.archived === 'only'
      ? isNotNull(flags.archivedAt)
      : options.archived === 'include'
        ? undefined
        : isNull(flags.archivedAt),
    options.type
      ? eq(flags.type, options.type)
      : undefined,
    pattern
      ? or(ilike(flags.key, pattern), ilike(flags.name, pattern), ilike(flags.description, pattern), sql`exists (select 1 from unnest(${flags.tags}) tag where tag ilike ${pattern})`)
      : undefined,
    options.cursor
      ? gt(flags.key, decodeCursor(options.cursor))
      : undefined,
  )
  const rows = await db.select().from(flags).where(where).orderBy(asc(flags.key)).limit(options.stale
    ? 10_000
    : options.limit + 1)
  const keys = rows.map(row => row.key)
  const [configs, overrides, pending, evaluated] = keys.length === 0
    ? [[], [], [], []]
    : await Promise.all([
        db.select({ key: flagConfigs.flagKey, environment: flagConfigs.environment, state: flagConfigs.state }).from(flagConfigs).where(inArray(flagConfigs.flagKey, keys)),
        db.select({
          key: flagOverrides.flagKey,
          n: count(),
        }).from(flagOverrides).where(inArray(flagOverrides.flagKey, keys)).groupBy(flagOverrides.flagKey),
        db.select({
          key: flagSchedules.flagKey,
          n: count(),
        }).from(flagSchedules).where(and(inArray(flagSchedules.flagKey, keys), isNull(flagSchedules.appliedAt), isNull(flagSchedules.cancelledAt))).groupBy(flagSchedules.flagKey),
        db.select({
          key: flagEvaluationCounts.flagKey,
          last: max(flagEvaluationCounts.hour),
        }).from(flagEvaluationCounts).where(inArray(flagEvaluationCounts.flagKey, keys)).groupBy(flagEvaluationCounts.flagKey),
      ])
  const states = new Map<string, Record<string, TFlagState>>()
  for (const config of configs) {
    states.set(config.key, {
      ...states.get(config.key),
      [config.environment]: config.state,
    })
  }
  const overrideCounts = new Map(overrides.map(row => [row.key, row.n]))
  const pendingCounts = new Map(pending.map(row => [row.key, row.n]))
  const lastEvaluated = new Map(evaluated.map(row => [row.key, row.last]))
  let items = rows.map(row => toFlagListItem(row, {
    states: states.get(row.key) ?? {},
    overrides: overrideCounts.get(row.key) ?? 0,
    pendingSchedules: pendingCounts.get(row.key) ?? 0,
    lastEvaluatedAt: lastEvaluated.get(row.key) ?? null,
  }))
  if (options.stale)
    items = items.filter(item => item.stale.length > 0)
  const page = items.slice(0, options.limit)
  return {
    items: page,
    nextCursor: items.length > options.limit
      ? Buffer.from(page.at(-1)!.key).toString('base64url')
      : null,
  }
}
