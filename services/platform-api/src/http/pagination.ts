import { z } from 'zod'
import { Problem } from './problem'

const ZCursor = z.tuple([
  z.union([
    z.string(),
    z.number(),
    z.null(),
  ]),
  z.union([
    z.string(),
    z.number(),
  ]),
])
export type Cursor = z.infer<typeof ZCursor>

/** Opaque keyset cursor: the sort value and the id of the last item of the previous page. */
export function encodeCursor(sortValue: string | number | null, id: string | number): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url')
}

export function decodeCursor(cursor: string | undefined): Cursor | undefined {
  if (cursor === undefined)
    return undefined
  try {
    return ZCursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
  }
  catch {
    throw new Problem(400, 'Invalid cursor', {
      detail: 'The cursor is not one this API issued; start again without it.',
      errors: [
        { path: 'query.cursor', message: 'invalid cursor' },
      ],
    })
  }
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
