import type pg from 'pg'
import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'

export interface Metrics {
  registry: Registry
  requestDuration: Histogram<'method' | 'route' | 'status'>
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
  return { registry, requestDuration }
}
