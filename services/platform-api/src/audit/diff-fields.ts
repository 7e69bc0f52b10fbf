import type { FieldChange } from '../db/schema'
import { canonicalJson } from './canonical-json'

type Record_ = Record<string, unknown> | null | undefined

/**
 * Field-level before/after diff of two snapshots (null for create/delete). Values are made JSON-safe so
 * the entry hashes the same after a round trip through jsonb.
 *
 * @example
 * diffFields({ name: 'A', plan: 'starter' }, { name: 'B', plan: 'starter' })
 * // [{ field: 'name', before: 'A', after: 'B' }]
 */
export function diffFields(before: Record_, after: Record_, ignore: readonly string[] = ['updatedAt', 'createdAt']): FieldChange[] {
  const fields = new Set([
    ...Object.keys(before ?? {}),
    ...Object.keys(after ?? {}),
  ])
  const changes: FieldChange[] = []
  for (const field of [...fields].sort()) {
    if (ignore.includes(field))
      continue
    const b = jsonSafe(before?.[field])
    const a = jsonSafe(after?.[field])
    if (canonicalJson(b) !== canonicalJson(a))
      changes.push({ field, before: b, after: a })
  }
  return changes
}

function jsonSafe(value: unknown): unknown {
  return value === undefined
    ? null
    : JSON.parse(JSON.stringify(value ?? null))
}
