import type { Transaction } from '../db/client'
import type { AuditRow, FieldChange } from '../db/schema'
import { randomUUID } from 'node:crypto'
import { desc, sql } from 'drizzle-orm'
import { auditLog } from '../db/schema'
import { GENESIS_HASH, hashEntry } from './hash-entry'

export interface AuditActor {
  subject: string
  roles: string[]
  /** From the token, so a reader knows who the subject is; none for system actors. */
  email?: string | null
  name?: string | null
  actingAs: string | null
  requestId: string | null
  ip: string | null
  userAgent: string | null
}

export interface AuditInput {
  action: string
  targetType: string
  targetId: string
  tenantSlug: string | null
  changes: FieldChange[]
}

/**
 * Appends one entry to the hash chain inside the caller's transaction, so the entry exists if and only if
 * the change it describes was committed. A transaction-scoped advisory lock serialises appends: the chain
 * needs each entry to see the one before it.
 */
export async function writeAuditEntry(tx: Transaction, actor: AuditActor, input: AuditInput): Promise<AuditRow> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('dezky.audit_log'))`)
  const [last] = await tx.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1)
  const fields = {
    seq: (last?.seq ?? 0) + 1,
    id: randomUUID(),
    at: new Date(),
    actorSubject: actor.subject,
    actorRoles: actor.roles,
    actorEmail: actor.email ?? null,
    actorName: actor.name ?? null,
    actingAs: actor.actingAs,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    tenantSlug: input.tenantSlug,
    requestId: actor.requestId,
    ip: actor.ip,
    userAgent: actor.userAgent,
    changes: input.changes,
    prevHash: last?.hash ?? GENESIS_HASH,
  }
  const row = {
    ...fields,
    hash: hashEntry(fields),
  }
  await tx.insert(auditLog).values(row)
  return row
}
