import type { TSubscription } from '@dezky/contracts'
import type { SubscriptionRow } from '../db/schema'

export function toSubscription(row: SubscriptionRow, tenantSlug: string): TSubscription {
  return {
    id: row.id,
    tenantSlug,
    plan: row.plan,
    status: row.status,
    periodStart: row.periodStart.toISOString(),
    periodEnd: row.periodEnd?.toISOString() ?? null,
    externalIds: row.externalIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
