import type { Queryable } from '../db/client'
import { sql } from 'drizzle-orm'

/** Workers LISTEN here to wake up as soon as work is due instead of at their next poll. */
export const RECONCILE_CHANNEL = 'dezky_reconcile'
/** API processes LISTEN here to push a tenant's changed provisioning state to SSE clients. */
export const PROVISIONING_CHANNEL = 'dezky_provisioning'

/**
 * Tells listeners that a tenant's steps changed. NOTIFY inside a transaction is delivered at commit and
 * dropped on rollback, so listeners never hear of a change that did not happen.
 */
export async function notifyProvisioning(db: Queryable, tenantId: string, options: { wakeWorkers?: boolean } = {}): Promise<void> {
  await db.execute(sql`select pg_notify(${PROVISIONING_CHANNEL}, ${tenantId})`)
  if (options.wakeWorkers)
    await db.execute(sql`select pg_notify(${RECONCILE_CHANNEL}, ${tenantId})`)
}
