import type { TPage, TPartner } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { CursorValue, SortDirection } from '../http/pagination'
import { and, ilike, or } from 'drizzle-orm'
import { z } from 'zod'
import { partnerScope } from '../auth/scope'
import { partners } from '../db/schema'
import { containsPattern } from '../http/contains-pattern'
import { keyset } from '../http/keyset'
import { ZCursorTimestamp } from '../http/pagination'
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
  const keys = keyset({
    column: partners[sort.field],
    id: partners.id,
    direction: sort.direction,
    cursor: rawCursor,
    cursorValue: CURSOR_VALUES[sort.field],
    limit,
  })
  const pattern = containsPattern(q)
  const rows = await db.select().from(partners).where(and(
    partnerScope(principal, 'partner:read'),
    pattern
      ? or(ilike(partners.slug, pattern), ilike(partners.name, pattern))
      : undefined,
    keys.where,
  )).orderBy(...keys.orderBy).limit(keys.limit)
  return keys.page(rows, row => row[sort.field], toPartner)
}
