import type { TPage, TPartner } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { Cursor, SortDirection } from '../http/pagination'
import { and, ilike, or } from 'drizzle-orm'
import { partnerScope } from '../auth/scope'
import { partners } from '../db/schema'
import { containsPattern } from '../http/contains-pattern'
import { cursorValue, keysetOrder, keysetWhere } from '../http/keyset'
import { encodeCursor, toPage } from '../http/pagination'
import { toPartner } from './to-partner'

export const PARTNER_SORT_FIELDS = ['name', 'slug', 'createdAt'] as const

export interface FindPartnersOptions {
  db: Queryable
  principal: Principal
  limit: number
  cursor?: Cursor
  sort: { field: typeof PARTNER_SORT_FIELDS[number], direction: SortDirection }
  q?: string
}

export async function findPartners({ db, principal, limit, cursor, sort, q }: FindPartnersOptions): Promise<TPage<TPartner>> {
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
