import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZPlan } from './tenants'

export const ZSubscriptionStatus = z.enum([
  'trialing',
  'active',
  'past_due',
  'canceled',
])

export const ZSubscription = z.object({
  id: z.uuid(),
  tenantSlug: z.string(),
  plan: ZPlan,
  status: ZSubscriptionStatus,
  periodStart: z.iso.datetime({ offset: true }),
  periodEnd: z.iso.datetime({ offset: true }).nullable(),
  externalIds: z.record(z.string(), z.string()),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type TSubscription = z.infer<typeof ZSubscription>

export const ZCreateSubscription = z.strictObject({
  plan: ZPlan,
  status: ZSubscriptionStatus.default('active'),
  periodStart: ZDateTime.optional(),
  periodEnd: ZDateTime.nullable().optional(),
  externalIds: z.record(z.string().max(40), z.string().max(200)).default({}),
})
export const ZUpdateSubscription = z.strictObject({
  plan: ZPlan.optional(),
  status: ZSubscriptionStatus.optional(),
  periodEnd: ZDateTime.nullable().optional(),
  externalIds: z.record(z.string().max(40), z.string().max(200)).optional(),
})
