import type { NodePgDatabase } from 'drizzle-orm/node-postgres'
import { drizzle } from 'drizzle-orm/node-postgres'
import pg from 'pg'
import * as schema from './schema'

export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool }
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** Anything a query can run on: the pool or an open transaction. */
export type Queryable = Database | Transaction

export interface DatabaseOptions {
  url: string
  poolMax?: number
  onError?: (error: Error) => void
}

/**
 * Opens a pool. The pool reconnects by itself: when Postgres goes away, queries fail (and the API answers
 * 503) until it is back, then new connections succeed with no restart.
 */
export function createDatabase(options: DatabaseOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    // A statement that hangs (lock wait, a dying server) must not hold a request forever.
    statement_timeout: 15_000,
    query_timeout: 20_000,
  })
  // An idle client whose server restarted emits 'error'; without a listener Node would crash the process.
  pool.on('error', error => options.onError?.(error))
  return drizzle(pool, { schema, casing: 'snake_case' }) as Database
}
