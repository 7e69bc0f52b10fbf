import type { TDnsRecordCheck } from '@dezky/contracts'
import { sql } from 'drizzle-orm'
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { tenants } from './tenants'

/**
 * A tenant's domain with its ownership proof and the last DNS check of each record to publish.
 * `tenants.domains` stays the reconciler's source of truth for what is provisioned; the domain operations
 * change both in one transaction. The unique name makes a domain belong to one tenant at a time.
 */
export const tenantDomains = pgTable('tenant_domains', {
  id: uuid().primaryKey().defaultRandom(),
  tenantId: uuid().notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  /** Lower-case, no trailing dot. */
  name: text().notNull().unique(),
  /** Published as `dezky-verification=<token>`; 122 random bits from gen_random_uuid(). */
  verificationToken: text().notNull().default(sql`replace(gen_random_uuid()::text, '-', '')`),
  /** The first time the verification record was found; it stays set (ownership was proven once). */
  verifiedAt: timestamp({ withTimezone: true, precision: 3 }),
  lastCheckedAt: timestamp({ withTimezone: true, precision: 3 }),
  /** The last check of each expected record, keyed by `type name value` (see domainRecordKey). */
  checks: jsonb().$type<Record<string, TDnsRecordCheck>>().notNull().default({}),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
}, t => [
  index('tenant_domains_tenant_idx').on(t.tenantId, t.createdAt),
])
export type TenantDomainRow = typeof tenantDomains.$inferSelect
