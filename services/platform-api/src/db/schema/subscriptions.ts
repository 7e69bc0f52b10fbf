import { index, jsonb, pgEnum, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core'
import { plan, tenants } from './tenants'

export const subscriptionStatus = pgEnum('subscription_status', [
  'trialing',
  'active',
  'past_due',
  'canceled',
])

export const subscriptions = pgTable('subscriptions', {
  id: uuid().primaryKey().defaultRandom(),
  tenantId: uuid().notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  plan: plan().notNull(),
  status: subscriptionStatus().notNull().default('active'),
  periodStart: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  periodEnd: timestamp({ withTimezone: true, precision: 3 }),
  /** Ids in billing systems (e.g. `{ stripe: 'sub_…' }`). */
  externalIds: jsonb().$type<Record<string, string>>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, t => [
  index('subscriptions_tenant_idx').on(t.tenantId, t.createdAt),
])
export type SubscriptionRow = typeof subscriptions.$inferSelect
