import type { TPage, TSubscription } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { subscriptions } from '../db/schema'
import { cursorValue, keysetOrder, keysetWhere } from '../http/keyset'
import { encodeCursor, parseCursor, toPage, ZCursorTimestamp } from '../http/pagination'
import { getTenant } from '../tenants/get-tenant'
import { toSubscription } from './to-subscription'

export interface FindSubscriptionsOptions {
  db: Queryable
  principal: Principal
  slug: string
  limit: number
  /** As issued in `nextCursor`. */
  cursor?: string
  status?: TSubscription['status']
}

/** A tenant's subscriptions, newest first. */
export async function findSubscriptions({ db, principal, slug, limit, cursor: rawCursor, status }: FindSubscriptionsOptions): Promise<TPage<TSubscription>> {
  const cursor = parseCursor(rawCursor, {
    value: ZCursorTimestamp,
    id: z.uuid(),
  })
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'subscription:read',
  })
  const rows = await db.select().from(subscriptions).where(and(
    eq(subscriptions.tenantId, tenant.id),
    status
      ? eq(subscriptions.status, status)
      : undefined,
    keysetWhere(subscriptions.createdAt, subscriptions.id, 'desc', cursor),
  )).orderBy(...keysetOrder(subscriptions.createdAt, subscriptions.id, 'desc')).limit(limit + 1)
  const page = toPage(rows, limit, row => encodeCursor(cursorValue(row.createdAt), row.id))
  return {
    items: page.items.map(row => toSubscription(row, tenant.slug)),
    nextCursor: page.nextCursor,
  }
}
