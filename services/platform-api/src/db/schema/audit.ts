import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

export interface FieldChange { field: string, before: unknown, after: unknown }

/**
 * Append-only: a trigger (see the migration) rejects UPDATE and DELETE. Each row's `hash` covers its
 * content and `prevHash`, so editing or removing a row breaks the chain at that row.
 */
export const auditLog = pgTable('audit_log', {
  seq: bigint({ mode: 'number' }).primaryKey(),
  id: uuid().notNull().defaultRandom().unique(),
  at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  actorSubject: text().notNull(),
  actorRoles: text().array().notNull(),
  /**
   * Who the subject was when they acted, from their token (null for system actors and entries older than
   * migration 0008): what a reader can recognise, where the subject is an opaque IdP id.
   */
  actorEmail: text(),
  actorName: text(),
  actingAs: text(),
  action: text().notNull(),
  targetType: text().notNull(),
  targetId: text().notNull(),
  tenantSlug: text(),
  requestId: text(),
  ip: text(),
  userAgent: text(),
  changes: jsonb().$type<FieldChange[]>().notNull(),
  prevHash: text().notNull(),
  hash: text().notNull(),
}, t => [
  index('audit_tenant_idx').on(t.tenantSlug, t.seq),
  index('audit_actor_idx').on(t.actorSubject, t.seq),
  index('audit_action_idx').on(t.action, t.seq),
  index('audit_at_idx').on(t.at),
])
export type AuditRow = typeof auditLog.$inferSelect
