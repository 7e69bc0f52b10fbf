import type { AnyColumn, SQL } from 'drizzle-orm'
import type { Cursor, SortDirection } from './pagination'
import { asc, desc, sql } from 'drizzle-orm'

/**
 * Keyset pagination on (sort column, id): stable under inserts and O(log n) per page, unlike OFFSET.
 * The id breaks ties so rows with equal sort values are neither skipped nor repeated.
 */
export function keysetWhere(column: AnyColumn, id: AnyColumn, direction: SortDirection, cursor: Cursor | undefined): SQL | undefined {
  if (!cursor)
    return undefined
  const [value, lastId] = cursor
  return direction === 'asc'
    ? sql`(${column}, ${id}) > (${value}, ${lastId})`
    : sql`(${column}, ${id}) < (${value}, ${lastId})`
}

export function keysetOrder(column: AnyColumn, id: AnyColumn, direction: SortDirection): SQL[] {
  const by = direction === 'asc'
    ? asc
    : desc
  return [
    by(column),
    by(id),
  ]
}

/** Cursor value of a sort column: timestamps travel as ISO strings. */
export function cursorValue(value: unknown): string | number | null {
  if (value instanceof Date)
    return value.toISOString()
  if (typeof value === 'number' || typeof value === 'string')
    return value
  return null
}
