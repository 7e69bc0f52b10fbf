import type { TPage, TSubscription } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { subscriptions } from '../db/schema'
import { keyset } from '../http/keyset'
import { ZCursorTimestamp } from '../http/pagination'
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
  const keys = keyset({
    column: subscriptions.createdAt,
    id: subscriptions.id,
    direction: 'desc',
    cursor: rawCursor,
    cursorValue: ZCursorTimestamp,
    limit,
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
    keys.where,
  )).orderBy(...keys.orderBy).limit(keys.limit)
  return keys.page(rows, row => row.createdAt, row => toSubscription(row, tenant.slug))
}
