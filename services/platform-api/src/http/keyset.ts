import type { TPage } from '@dezky/contracts'
import type { AnyColumn, SQL } from 'drizzle-orm'
import type { Cursor, CursorValue, SortDirection } from './pagination'
import { asc, desc, sql } from 'drizzle-orm'
import { z } from 'zod'
import { encodeCursor, parseCursor, toPage } from './pagination'

export interface KeysetOptions {
  /** The sort column (or a computed value such as a count) and the id column that breaks its ties. */
  column: AnyColumn | SQL
  id: AnyColumn
  direction: SortDirection
  /** The raw cursor from the query string, and what its sort value must look like. */
  cursor: string | undefined
  cursorValue: z.ZodType<CursorValue>
  /** Binds the cursors to this sort order (see `CursorShape.sort`); lists with one sort per value type may omit it. */
  sort?: string
  limit: number
}

export interface Keyset {
  /** Add to the query's `where`. */
  where: SQL | undefined
  /** Spread into `orderBy`. */
  orderBy: SQL[]
  /** Pass to `limit`: one row more than the page, to tell whether another page follows. */
  limit: number
  /** The page from the fetched rows: mapped items and the cursor after the last one. */
  page: <R extends { id: string }, T>(rows: R[], sortValueOf: (row: R) => unknown, map: (row: R) => T) => TPage<T>
}

/**
 * Keyset pagination on (sort column, id): stable under inserts and O(log n) per page, unlike OFFSET.
 * The id breaks ties so rows with equal sort values are neither skipped nor repeated.
 *
 * @example
 * const keys = keyset({ column: tenants.name, id: tenants.id, direction: 'asc', cursor, cursorValue: z.string(), limit })
 * const rows = await db.select().from(tenants).where(and(scope, keys.where)).orderBy(...keys.orderBy).limit(keys.limit)
 * return keys.page(rows, row => row.name, toTenant)
 */
export function keyset(options: KeysetOptions): Keyset {
  const cursor = parseCursor(options.cursor, {
    value: options.cursorValue,
    id: z.uuid(),
    sort: options.sort,
  })
  const by = options.direction === 'asc'
    ? asc
    : desc
  return {
    where: keysetWhere(options.column, options.id, options.direction, cursor),
    orderBy: [
      by(options.column),
      by(options.id),
    ],
    limit: options.limit + 1,
    page: (rows, sortValueOf, map) => {
      const page = toPage(rows, options.limit, row => encodeCursor(cursorValue(sortValueOf(row)), row.id, options.sort))
      return {
        items: page.items.map(map),
        nextCursor: page.nextCursor,
      }
    },
  }
}

function keysetWhere(column: AnyColumn | SQL, id: AnyColumn, direction: SortDirection, cursor: Cursor | undefined): SQL | undefined {
  if (!cursor)
    return undefined
  const [value, lastId] = cursor
  return direction === 'asc'
    ? sql`(${column}, ${id}) > (${value}, ${lastId})`
    : sql`(${column}, ${id}) < (${value}, ${lastId})`
}

/** Cursor value of a sort column: timestamps travel as ISO strings. */
function cursorValue(value: unknown): string | number | null {
  if (value instanceof Date)
    return value.toISOString()
  if (typeof value === 'number' || typeof value === 'string')
    return value
  return null
}
