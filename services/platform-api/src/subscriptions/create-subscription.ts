import type { TSubscription, ZCreateSubscription } from '@dezky/contracts'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { diffFields } from '../audit/diff-fields'
import { subscriptions } from '../db/schema'
import { getTenant } from '../tenants/get-tenant'
import { toSubscription } from './to-subscription'

export interface CreateSubscriptionOptions {
  db: Queryable
  principal: Principal
  slug: string
  input: z.output<typeof ZCreateSubscription>
  audit: (entry: AuditInput) => Promise<void>
}

export async function createSubscription({ db, principal, slug, input, audit }: CreateSubscriptionOptions): Promise<TSubscription> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'subscription:write',
  })
  const [row] = await db.insert(subscriptions).values({
    tenantId: tenant.id,
    plan: input.plan,
    status: input.status,
    periodStart: input.periodStart
      ? new Date(input.periodStart)
      : undefined,
    periodEnd: input.periodEnd
      ? new Date(input.periodEnd)
      : null,
    externalIds: input.externalIds,
  }).returning()
  const subscription = toSubscription(row!, tenant.slug)
  await audit({
    action: 'subscription.create',
    targetType: 'subscription',
    targetId: row!.id,
    tenantSlug: tenant.slug,
    changes: diffFields(null, subscription),
  })
  return subscription
}
