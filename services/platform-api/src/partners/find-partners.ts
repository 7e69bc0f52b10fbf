import type { TPage, TPartner } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { CursorValue, SortDirection } from '../http/pagination'
import { and, ilike, or } from 'drizzle-orm'
import { z } from 'zod'
import { partnerScope } from '../auth/scope'
import { partners } from '../db/schema'
import { containsPattern } from '../http/contains-pattern'
import { cursorValue, keysetOrder, keysetWhere } from '../http/keyset'
import { encodeCursor, parseCursor, toPage, ZCursorTimestamp } from '../http/pagination'
import { toPartner } from './to-partner'

export const PARTNER_SORT_FIELDS = ['name', 'slug', 'createdAt'] as const

const CURSOR_VALUES: Record<typeof PARTNER_SORT_FIELDS[number], z.ZodType<CursorValue>> = {
  name: z.string(),
  slug: z.string(),
  createdAt: ZCursorTimestamp,
}

export interface FindPartnersOptions {
  db: Queryable
  principal: Principal
  limit: number
  /** As issued in `nextCursor` for the same sort. */
  cursor?: string
  sort: { field: typeof PARTNER_SORT_FIELDS[number], direction: SortDirection }
  q?: string
}

export async function findPartners({ db, principal, limit, cursor: rawCursor, sort, q }: FindPartnersOptions): Promise<TPage<TPartner>> {
  const cursor = parseCursor(rawCursor, {
    value: CURSOR_VALUES[sort.field],
    id: z.uuid(),
  })
  const column = partners[sort.field]
  const pattern = containsPattern(q)
  const rows = await db.select().from(partners).where(and(
    partnerScope(principal, 'partner:read'),
    pattern
      ? or(ilike(partners.slug, pattern), ilike(partners.name, pattern))
      : undefined,
    keysetWhere(column, partners.id, sort.direction, cursor),
  )).orderBy(...keysetOrder(column, partners.id, sort.direction)).limit(limit + 1)
  const page = toPage(rows, limit, row => encodeCursor(cursorValue(row[sort.field]), row.id))
  return {
    items: page.items.map(toPartner),
    nextCursor: page.nextCursor,
  }
}
