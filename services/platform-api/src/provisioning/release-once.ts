import type { PoolClient } from 'pg'

/**
 * A release function for one checkout of a LISTEN client that gives it back to the pool at most once.
 * A connection that drops while `LISTEN` is in flight both emits `error` and rejects the query; releasing
 * twice makes pg-pool throw, and that throw, unhandled, would end the process. (Per checkout, not per
 * client: the pool hands the same client object out again later.)
 */
export function releaserOf(client: PoolClient): (destroy?: boolean) => void {
  let released = false
  return (destroy = true) => {
    if (released)
      return
    released = true
    client.removeAllListeners('notification')
    client.release(destroy || undefined)
  }
}
