import type { TFlag, TFlagEnvironmentConfig, TFlagListItem, TFlagSchedule } from '@dezky/contracts'
import type { FlagConfigRow, FlagOverrideRow, FlagRow, FlagScheduleRow } from '../db/schema'
import { flagStaleReasons } from './flag-stale-reasons'

export function toFlagSchedule(row: FlagScheduleRow): TFlagSchedule {
  return {
    id: row.id,
    environment: row.environment,
    runAt: row.runAt.toISOString(),
    change: row.change,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    error: row.error,
  }
}

export function toFlagConfig(row: FlagConfigRow): TFlagEnvironmentConfig {
  return {
    state: row.state,
    rolloutPercent: row.rolloutPercent,
    stickiness: row.stickiness,
    strategies: row.strategies,
    variants: row.variants,
  }
}

function base(row: FlagRow, lastEvaluatedAt: Date | null) {
  return {
    key: row.key,
    name: row.name,
    description: row.description,
    type: row.type,
    tags: row.tags,
    kill: row.killedAt
      ? {
          killedAt: row.killedAt.toISOString(),
          killedBy: row.killedBy,
          reason: row.killReason ?? '',
        }
      : null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    lastEvaluatedAt: lastEvaluatedAt?.toISOString() ?? null,
    stale: flagStaleReasons(row, lastEvaluatedAt),
  }
}

export function toFlag(row: FlagRow, parts: { configs: FlagConfigRow[], overrides: FlagOverrideRow[], schedules: FlagScheduleRow[], lastEvaluatedAt: Date | null }): TFlag {
  return {
    ...base(row, parts.lastEvaluatedAt),
    dependencies: row.dependencies,
    environments: Object.fromEntries(parts.configs.map(config => [
      config.environment,
      toFlagConfig(config),
    ])),
    overrides: parts.overrides.map(override => ({
      environment: override.environment,
      scope: override.scope,
      scopeId: override.scopeId,
      value: override.value,
      note: override.note,
      updatedAt: override.updatedAt.toISOString(),
    })),
    schedules: parts.schedules.map(toFlagSchedule),
  }
}

export function toFlagListItem(row: FlagRow, parts: { states: Record<string, TFlagEnvironmentConfig['state']>, overrides: number, pendingSchedules: number, lastEvaluatedAt: Date | null }): TFlagListItem {
  return {
    ...base(row, parts.lastEvaluatedAt),
    states: parts.states,
    overrides: parts.overrides,
    pendingSchedules: parts.pendingSchedules,
  }
}
