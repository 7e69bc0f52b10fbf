import type { Database } from '../../src/db/client'
import { setTimeout as sleep } from 'node:timers/promises'

export interface FleetProgress {
  /** Step rows by status. */
  byStatus: Record<string, number>
  /** Rows done with their latest request: ok or skipped, run generation current, no lease. */
  settled: number
  rows: number
  /** Tenants by status. */
  tenants: Record<string, number>
}

/** Where the fleet's steps stand; `since` counts as settled only rows reconciled at or after it. */
export async function fleetProgress(db: Database, tenantIds: readonly string[], since?: Date): Promise<FleetProgress> {
  const { rows } = await db.$client.query<{ status: string, settled: boolean, n: string }>(`
    select status, (status in ('ok', 'skipped') and generation = run_generation and lease_owner is null
                    and ($2::timestamptz is null or last_reconciled_at >= $2)) as settled, count(*) as n
      from provisioning_steps where tenant_id = any($1::uuid[]) group by 1, 2`, [tenantIds, since?.toISOString() ?? null])
  const { rows: tenants } = await db.$client.query<{ status: string, n: string }>(
    `select status, count(*) as n from tenants where id = any($1::uuid[]) group by 1`,
    [tenantIds],
  )
  const byStatus: Record<string, number> = {}
  let settled = 0
  for (const row of rows) {
    byStatus[row.status] = (byStatus[row.status] ?? 0) + Number(row.n)
    if (row.settled)
      settled += Number(row.n)
  }
  return {
    byStatus,
    settled,
    rows: rows.reduce((sum, row) => sum + Number(row.n), 0),
    tenants: Object.fromEntries(tenants.map(row => [
      row.status,
      Number(row.n),
    ])),
  }
}

/**
 * Resolves (with the milliseconds it took) once every step of these tenants is settled — since `since`
 * when given — and every tenant has `tenantStatus`; throws with the last progress on timeout.
 */
export async function waitForFleet(db: Database, tenantIds: readonly string[], options: { tenantStatus: string, since?: Date, timeoutMs: number }): Promise<number> {
  const started = Date.now()
  let last: FleetProgress | undefined
  while (Date.now() - started < options.timeoutMs) {
    last = await fleetProgress(db, tenantIds, options.since)
    if (last.rows === tenantIds.length * 4 && last.settled === last.rows && last.tenants[options.tenantStatus] === tenantIds.length)
      return Date.now() - started
    await sleep(200)
  }
  throw new Error(`fleet did not settle in ${options.timeoutMs} ms: ${JSON.stringify(last)}`)
}

/** The steps a worker process holds right now (its lease owner id carries its pid). */
export async function stepsHeldBy(db: Database, pid: number): Promise<{ tenantId: string, step: string }[]> {
  const { rows } = await db.$client.query<{ tenant_id: string, step: string }>(
    `select tenant_id, step from provisioning_steps where status = 'running' and lease_owner like $1`,
    [`%:${pid}:%`],
  )
  return rows.map(row => ({ tenantId: row.tenant_id, step: row.step }))
}
