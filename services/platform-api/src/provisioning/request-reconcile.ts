import type { Queryable } from '../db/client'
import type { StepName } from './step'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { provisioningSteps } from '../db/schema'
import { notifyProvisioning } from './notify-provisioning'
import { STEP_NAMES } from './step'

export interface RequestReconcileOptions {
  /** Only these steps (default: all). */
  steps?: readonly StepName[]
}

/**
 * Marks a tenant's steps due now, e.g. because its desired state changed or an operator asked. Runs in
 * the caller's transaction, so the request is as durable as the change that caused it. Attempts start
 * again from zero: a step resting in `error` is retried with the new input.
 *
 * @example
 * await db.transaction(async (tx) => {
 *   await tx.update(tenants).set({ plan: 'business' }).where(eq(tenants.id, id))
 *   await requestReconcile(tx, id)
 * })
 */
export async function requestReconcile(db: Queryable, tenantId: string, options: RequestReconcileOptions = {}): Promise<void> {
  const steps = options.steps ?? STEP_NAMES
  // The same lock a finishing step takes first: a request and a finish of one tenant never interleave,
  // so the finish sees the newer generation (and the lock order — tenant, steps, audit — is the same).
  await db.execute(sql`select 1 from tenants where id = ${tenantId} for no key update`)
  await db.insert(provisioningSteps).values(steps.map(step => ({
    tenantId,
    step,
    nextAttemptAt: sql`now()`,
  }))).onConflictDoNothing()
  await db.update(provisioningSteps).set({
    generation: sql`${provisioningSteps.generation} + 1`,
    nextAttemptAt: sql`now()`,
    attempts: 0,
    // Everything not running is pending again until a run has applied this change; a running step keeps
    // its lease and, seeing the newer generation when it finishes, stays pending and due.
    status: sql`case when ${provisioningSteps.status} = 'running' then 'running'::provisioning_status else 'pending'::provisioning_status end`,
    updatedAt: sql`now()`,
  }).where(and(eq(provisioningSteps.tenantId, tenantId), inArray(provisioningSteps.step, [...steps])))
  await notifyProvisioning(db, tenantId, { wakeWorkers: true })
}
