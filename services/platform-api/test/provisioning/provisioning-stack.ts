import type { Twins } from '@dezky/twins'
import type { ReconcilerOptions } from '../../src/provisioning/worker/start-reconciler'
import type { TestApi } from '../test-api'
import { startTwins } from '@dezky/twins'
import { eq } from 'drizzle-orm'
import pino from 'pino'
import { provisioningSteps, tenants } from '../../src/db/schema'
import { createSteps } from '../../src/provisioning/create-steps'
import { startReconciler } from '../../src/provisioning/worker/start-reconciler'
import { createTestApi } from '../test-api'

export interface ProvisioningStack {
  twins: Twins
  api: TestApi
  /** An operator token (super_admin with MFA). */
  operator: string
  /** Starts an in-process worker with fast test settings; stopped by `close`. */
  startWorker: (overrides?: Partial<ReconcilerOptions>) => ReturnType<typeof startReconciler>
  /** Stops every worker started so far (tests call it after each case so none outlives its settings). */
  stopWorkers: () => Promise<void>
  /**
   * Resolves when the tenant's every step is ok or skipped, with no change pending and (unless
   * `resyncing`, for workers with a short resync) nothing due within a minute.
   */
  converged: (slug: string, timeoutMs?: number, options?: { resyncing?: boolean }) => Promise<void>
  close: () => Promise<void>
}

/** Fast settings for tests: short polls, leases and backoff; resync far away unless a test asks. */
export const TEST_WORKER = {
  pollMs: 100,
  leaseMs: 3000,
  resyncMs: 3_600_000,
  maxAttempts: 8,
  backoff: { baseMs: 50, maxMs: 500 },
} satisfies Partial<ReconcilerOptions>

/**
 * Every upstream as a twin, the API on a real database configured to use them, and reconciler workers
 * on demand — the provisioning loop exactly as in production, minus the real upstreams.
 */
export async function startProvisioningStack(env: Record<string, string> = {}): Promise<ProvisioningStack> {
  const twins = await startTwins({ dkimDelayMs: 50 })
  const api = await createTestApi({
    ...twins.env,
    UPSTREAM_TIMEOUT_MS: '2000',
    ...env,
  }, { idp: twins.idp })
  const workers: ReturnType<typeof startReconciler>[] = []
  const operator = await api.token(['operator:super_admin'], { sub: 'ana-operator' })
  const db = api.database.db
  return {
    twins,
    api,
    operator,
    startWorker(overrides = {}) {
      const worker = startReconciler({
        db,
        steps: createSteps(api.deps.config),
        logger: pino({ level: 'silent' }),
        ...TEST_WORKER,
        ...overrides,
      })
      workers.push(worker)
      return worker
    },
    async stopWorkers() {
      await Promise.all(workers.splice(0).map(worker => worker.stop()))
    },
    async converged(slug, timeoutMs = 20_000, options = {}) {
      const deadline = Date.now() + timeoutMs
      let last = ''
      while (Date.now() < deadline) {
        const rows = await db.select({
          step: provisioningSteps.step,
          status: provisioningSteps.status,
          next: provisioningSteps.nextAttemptAt,
          error: provisioningSteps.lastError,
          generation: provisioningSteps.generation,
          run: provisioningSteps.runGeneration,
        })
          .from(provisioningSteps)
          .innerJoin(tenants, eq(tenants.id, provisioningSteps.tenantId))
          .where(eq(tenants.slug, slug))
        last = JSON.stringify(rows)
        const settled = rows.length === 4 && rows.every(row => (row.status === 'ok' || row.status === 'skipped') && row.generation === row.run && (options.resyncing || !row.next || row.next.getTime() > Date.now() + 60_000))
        if (settled)
          return
        await new Promise(resolve => setTimeout(resolve, 50))
      }
      throw new Error(`tenant ${slug} did not converge in ${timeoutMs} ms: ${last}`)
    },
    async close() {
      await Promise.all(workers.map(worker => worker.stop()))
      await api.close()
      await twins.stop()
    },
  }
}
