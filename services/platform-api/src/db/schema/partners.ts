import type { TBranding } from '@dezky/contracts'
import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export interface PartnerContact { name: string, email: string, phone?: string, kind: 'billing' | 'technical' | 'commercial' }

export const partners = pgTable('partners', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  name: text().notNull(),
  branding: jsonb().$type<TBranding>().notNull().default({}),
  contacts: jsonb().$type<PartnerContact[]>().notNull().default([]),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
})
export type PartnerRow = typeof partners.$inferSelect
