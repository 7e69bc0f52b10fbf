import type { TSubscription, ZUpdateSubscription } from '@dezky/contracts'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { and, eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { subscriptions } from '../db/schema'
import { notFound } from '../http/problem'
import { getTenant } from '../tenants/get-tenant'
import { toSubscription } from './to-subscription'

export interface UpdateSubscriptionOptions {
  db: Queryable
  principal: Principal
  slug: string
  id: string
  input: z.output<typeof ZUpdateSubscription>
  audit: (entry: AuditInput) => Promise<void>
}

export async function updateSubscription({ db, principal, slug, id, input, audit }: UpdateSubscriptionOptions): Promise<TSubscription> {
  const tenant = await getTenant({
    db,
    principal,
    slug,
    capability: 'subscription:write',
  })
  const [current] = await db.select().from(subscriptions).where(and(eq(subscriptions.id, id), eq(subscriptions.tenantId, tenant.id))).for('update')
  if (!current)
    throw notFound('Subscription')
  const [row] = await db.update(subscriptions).set({
    plan: input.plan,
    status: input.status,
    periodEnd: input.periodEnd === undefined
      ? undefined
      : input.periodEnd === null
        ? null
        : new Date(input.periodEnd),
    externalIds: input.externalIds,
    updatedAt: new Date(),
  }).where(eq(subscriptions.id, current.id)).returning()
  const after = toSubscription(row!, tenant.slug)
  await audit({
    action: 'subscription.update',
    targetType: 'subscription',
    targetId: id,
    tenantSlug: tenant.slug,
    changes: diffFields(toSubscription(current, tenant.slug), after),
  })
  return after
}
