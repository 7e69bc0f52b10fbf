import type { Database } from '../../db/client'
import type { DesiredTenant, StepName, StepOutcome } from '../step'
import { sql } from 'drizzle-orm'

/**
 * Offboarding removes the data before the identities that own it: file space and mail first, the
 * Authentik groups and users last — so nothing is left orphaned upstream if the run stops half-way,
 * and operators can still sign in to clean up. Returns a `waiting` outcome while identity must wait.
 */
export async function waitForRemovalOrder(db: Database, desired: DesiredTenant, step: StepName): Promise<StepOutcome | undefined> {
  if (desired.mode !== 'absent' || step !== 'identity')
    return undefined
  const since = desired.offboardAfter ?? new Date(0)
  const { rows } = await db.execute<{ pending: number }>(sql`
    select count(*)::int as pending from provisioning_steps
     where tenant_id = ${desired.id} and step in ('mail', 'files')
       and (status not in ('ok', 'skipped') or last_reconciled_at is null or last_reconciled_at < ${since.toISOString()}::timestamptz)`)
  return rows[0]!.pending > 0
    ? {
        status: 'waiting',
        reason: 'waiting for mail and files to be removed first',
        retryInMs: 30_000,
        waitingFor: ['mail', 'files'],
      }
    : undefined
}
