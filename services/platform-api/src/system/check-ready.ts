import type { Database } from '../db/client'
import { sql } from 'drizzle-orm'
import { Problem } from '../http/problem'

/** Ready = the database answers. A 503 tells the load balancer to route around this instance for now. */
export async function checkReady(db: Database): Promise<{ status: 'ready', checks: { database: 'ok' } }> {
  try {
    await db.execute(sql`select 1`)
  }
  catch {
    throw new Problem(503, 'Not ready', {
      detail: 'The database is unreachable.',
      headers: { 'retry-after': '5' },
    })
  }
  return {
    status: 'ready',
    checks: { database: 'ok' },
  }
}
