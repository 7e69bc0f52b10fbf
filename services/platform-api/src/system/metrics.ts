import type pg from 'pg'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

export interface Metrics {
  registry: Registry
  requestDuration: Histogram<'method' | 'route' | 'status'>
  /** Finished reconciler step runs by step and result (ok, skipped, waiting, retryable, permanent). */
  stepRuns: Counter<'step' | 'result'>
  stepDuration: Histogram<'step'>
}

/** One registry per app instance, so tests that build several apps do not collide on metric names. */
export function createMetrics(pool: pg.Pool): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requestDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [
      0.002,
      0.005,
      0.01,
      0.025,
      0.05,
      0.1,
      0.25,
      0.5,
      1,
      2.5,
      5,
    ],
    registers: [registry],
  })
  const poolGauge = (name: string, help: string, read: () => number) => new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read())
    },
  })
  poolGauge('db_pool_connections_total', 'Connections open in the Postgres pool', () => pool.totalCount)
  poolGauge('db_pool_connections_idle', 'Idle connections in the Postgres pool', () => pool.idleCount)
  poolGauge('db_pool_requests_waiting', 'Queries waiting for a pool connection', () => pool.waitingCount)
  const stepRuns = new Counter({
    name: 'reconciler_step_runs_total',
    help: 'Reconciler step runs finished in this process, by step and result',
    labelNames: ['step', 'result'] as const,
    registers: [registry],
  })
  const stepDuration = new Histogram({
    name: 'reconciler_step_duration_seconds',
    help: 'Duration of reconciler step runs in this process',
    labelNames: ['step'] as const,
    buckets: [
      0.01,
      0.05,
      0.1,
      0.25,
      0.5,
      1,
      2.5,
      5,
      10,
      30,
      60,
    ],
    registers: [registry],
  })
  // Due, failing and resting steps across all workers, read from the queue table when scraped.
  const queueGauge = new Gauge({
    name: 'reconciler_steps',
    help: 'Provisioning steps by status (all workers)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ status: string, n: number }>('select status, count(*)::int as n from provisioning_steps group by status').catch(() => ({ rows: [] }))
      this.reset()
      for (const row of rows)
        this.set({ status: row.status }, row.n)
    },
  })
  void queueGauge
  return {
    registry,
    requestDuration,
    stepRuns,
    stepDuration,
  }
}
