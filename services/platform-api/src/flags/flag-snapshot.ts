import type { FlagRow } from '../db/schema'

/** What a flag's audit entries compare: its definition and kill switch (rules and overrides have their own). */
export function flagSnapshot(row: FlagRow) {
  return {
    name: row.name,
    description: row.description,
    type: row.type,
    tags: row.tags,
    dependencies: row.dependencies,
    killed: row.killedAt !== null,
    killReason: row.killReason,
    archived: row.archivedAt !== null,
  }
}
