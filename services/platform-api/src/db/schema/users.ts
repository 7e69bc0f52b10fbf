import { TENANT_ROLES } from '@dezky/contracts'
import { sql } from 'drizzle-orm'
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { tenants } from './tenants'

export const tenantRole = pgEnum('tenant_role', TENANT_ROLES)
export const membershipSource = pgEnum('membership_source', ['idp', 'platform'])

export const users = pgTable('users', {
  id: uuid().primaryKey().defaultRandom(),
  /** The IdP subject; null until the user first signs in (users created by an admin exist before that). */
  subject: text().unique(),
  email: text().notNull(),
  name: text().notNull(),
  active: boolean().notNull().default(true),
  lastLoginAt: timestamp({ withTimezone: true, precision: 3 }),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, t => [
  uniqueIndex('users_email_idx').on(sql`lower(${t.email})`),
])
export type UserRow = typeof users.$inferSelect

export const tenantMemberships = pgTable('tenant_memberships', {
  tenantId: uuid().notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  userId: uuid().notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: tenantRole().notNull(),
  /** `idp`: learnt from the token's groups claim; `platform`: granted through the API. */
  source: membershipSource().notNull().default('platform'),
  /** Disabled in this tenant only: a person may belong to several tenants, each decides for itself. */
  active: boolean().notNull().default(true),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, t => [
  primaryKey({
    columns: [t.tenantId, t.userId],
  }),
  index('memberships_user_idx').on(t.userId),
])
export type TenantMembershipRow = typeof tenantMemberships.$inferSelect

/**
 * When a password-reset mail last went to a user: a conditional upsert on this row lets one through per
 * minute across every API process (claim-password-reset.ts).
 */
export const passwordResetMails = pgTable('password_reset_mails', {
  userId: uuid().primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  sentAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
})
