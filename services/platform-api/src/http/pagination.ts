import { ZDateTime } from '@dezky/contracts'
import { z } from 'zod'
import { Problem } from './problem'
import { unstorableTextPaths } from './storable-text'

export type CursorValue = string | number
/** The sort value and the id of the last item of the previous page. */
export type Cursor = readonly [CursorValue, CursorValue]

/** What a list accepts in a cursor: the schema of its sort column's values, and of its ids. */
export interface CursorShape<V extends CursorValue, I extends CursorValue> {
  value: z.ZodType<V>
  id: z.ZodType<I>
  /**
   * The sort order (`name`, `-createdAt`, …) the cursor must have been issued for. Lists whose sort fields
   * share a value type need it: a `plan` cursor would otherwise read as a valid `name` cursor.
   */
  sort?: string
}

/**
 * A timestamp exactly as {@link encodeCursor} wrote it (`Date#toISOString`, millisecond precision like the
 * columns since migration 0002): the keyset comparison is then exact, and nothing else is accepted.
 */
export const ZCursorTimestamp = ZDateTime.refine(value => new Date(value).toISOString() === value, 'a timestamp this API issued')

/** Opaque to clients; the list that issued it reads it back with {@link parseCursor} (with the same `sort`, if any). */
export function encodeCursor(sortValue: string | number | null, id: string | number, sort?: string): string {
  const tuple = sort === undefined
    ? [sortValue, id]
    : [sortValue, id, sort]
  return Buffer.from(JSON.stringify(tuple)).toString('base64url')
}

/**
 * Decodes a cursor and checks it against the list's sort column, so the keyset query only ever compares
 * values of the column's own type (a text where a uuid or timestamp is due would be a database error).
 *
 * @example
 * const cursor = parseCursor(options.cursor, { value: ZCursorTimestamp, id: z.uuid() })
 */
export function parseCursor<V extends CursorValue, I extends CursorValue>(raw: string | undefined, shape: CursorShape<V, I>): readonly [V, I] | undefined {
  if (raw === undefined)
    return undefined
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  }
  catch {
    throw invalidCursor()
  }
  const tuple = shape.sort === undefined
    ? z.tuple([shape.value, shape.id])
    : z.tuple([
        shape.value,
        shape.id,
        z.literal(shape.sort),
      ])
  const result = tuple.safeParse(decoded)
  if (!result.success || unstorableTextPaths(decoded, 'cursor').length > 0)
    throw invalidCursor()
  return [result.data[0], result.data[1]]
}

function invalidCursor(): Problem {
  return new Problem(400, 'Invalid cursor', {
    detail: 'The cursor is not one this API issued for this list and sort order; start again without it.',
    errors: [
      { path: 'query.cursor', message: 'invalid cursor' },
    ],
  })
}

/** Fetch `limit + 1` rows, then call this: the extra row tells whether another page exists. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string): { items: T[], nextCursor: string | null } {
  const items = rows.slice(0, limit)
  const last = items.at(-1)
  return {
    items,
    nextCursor: rows.length > limit && last
      ? cursorOf(last)
      : null,
  }
}

export type SortDirection = 'asc' | 'desc'

/** Parses `sort=name` / `sort=-createdAt` against the fields a list allows. */
export function ZSort<const F extends readonly [string, ...string[]]>(fields: F, fallback: `${'' | '-'}${F[number]}`) {
  const values = fields.flatMap(f => [f, `-${f}`]) as [string, ...string[]]
  return z.enum(values).default(fallback).transform((value) => {
    const direction: SortDirection = value.startsWith('-')
      ? 'desc'
      : 'asc'
    return {
      field: value.replace(/^-/, '') as F[number],
      direction,
    }
  })
}
