import type { Database } from '../db/client'
import { setTimeout as sleep } from 'node:timers/promises'
import { Problem } from '../http/problem'

/** The advisory lock key every API process uses for changes to the operator team. */
const TEAM_LOCK = 'dezky.operator_team'
const WAIT_MS = 10_000
const POLL_MS = 100

/**
 * Runs `work` while holding a session-level advisory lock, so changes to the team made through any API
 * process happen one after the other: two super admins demoting each other at once would otherwise both
 * see the other still in place and leave nobody. The lock holds a connection but no transaction (the
 * work waits on Authentik); if the process dies, Postgres drops the lock with the session. After ten
 * seconds of waiting the caller is told to retry.
 *
 * @example
 * await withTeamLock(deps.db, () => changeRole(...))
 */
export async function withTeamLock<T>(db: Database, work: () => Promise<T>): Promise<T> {
  const client = await db.$client.connect()
  let broken: Error | undefined
  try {
    const deadline = Date.now() + WAIT_MS
    for (;;) {
      const { rows } = await client.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtext($1)) as locked', [TEAM_LOCK])
      if (rows[0]?.locked)
        break
      if (Date.now() >= deadline) {
        throw new Problem(409, 'Team change in progress', {
          detail: 'Another change to the operator team is being made; try again in a moment.',
          headers: { 'retry-after': '2' },
        })
      }
      await sleep(POLL_MS)
    }
    try {
      return await work()
    }
    finally {
      await client.query('select pg_advisory_unlock(hashtext($1))', [TEAM_LOCK]).catch((error: Error) => {
        // Destroying the connection ends the session, which releases the lock anyway.
        broken = error
      })
    }
  }
  finally {
    client.release(broken)
  }
}
