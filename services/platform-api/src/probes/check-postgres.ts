import type pg from 'pg'
import { CheckFailure } from './check-outcome'
import { shortError } from './short-error'

/** `select 1` through the API's own pool: what every request needs, connection checkout included. */
export async function checkPostgres(pool: pg.Pool, signal: AbortSignal): Promise<void> {
  let onAbort = () => {}
  const timedOut = new Promise<never>((_, reject) => {
    onAbort = () => reject(new CheckFailure('query', 'no answer within the timeout'))
    if (signal.aborted)
      onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    await Promise.race([
      pool.query('select 1'),
      timedOut,
    ])
  }
  catch (error) {
    throw error instanceof CheckFailure
      ? error
      : new CheckFailure('query', shortError(error))
  }
  finally {
    signal.removeEventListener('abort', onAbort)
  }
}
