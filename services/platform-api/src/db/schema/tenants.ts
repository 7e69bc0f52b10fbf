import type { TBranding } from '@dezky/contracts'
import { PLANS, TENANT_STATUSES } from '@dezky/contracts'
import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { partners } from './partners'

export const tenantStatus = pgEnum('tenant_status', TENANT_STATUSES)
export const plan = pgEnum('plan', PLANS)

export const tenants = pgTable('tenants', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  status: tenantStatus().notNull().default('provisioning'),
  plan: plan().notNull().default('starter'),
  partnerId: uuid().references(() => partners.id, { onDelete: 'restrict' }),
  domains: text().array().notNull().default([]),
  branding: jsonb().$type<TBranding>().notNull().default({}),
  /** Ids of the objects made for this tenant upstream (Authentik group, OCIS space…), filled by the reconciler. */
  upstreamRefs: jsonb().$type<Record<string, string>>().notNull().default({}),
  /** Set while `offboarding`: when the grace period ends and the reconciler removes everything upstream. */
  offboardAfter: timestamp({ withTimezone: true, precision: 3 }),
  /** Why the tenant was last suspended or offboarded, for the people who will ask. */
  statusReason: text(),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, t => [
  index('tenants_partner_idx').on(t.partnerId),
  index('tenants_created_idx').on(t.createdAt, t.id),
  index('tenants_name_idx').on(t.name, t.id),
  // Domain ownership checks look for any other tenant holding a domain (array overlap).
  index('tenants_domains_idx').using('gin', t.domains),
])
export type TenantRow = typeof tenants.$inferSelect
