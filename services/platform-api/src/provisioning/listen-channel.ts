import type pg from 'pg'
import type { Logger } from 'pino'

export interface ChannelListener {
  /**
   * Resolves once the latest connection attempt has settled: true when `LISTEN` is in place, so every
   * notification committed from then on is heard; false when the attempt failed (a retry is scheduled).
   */
  listening: () => Promise<boolean>
  /** Stops listening and gives the connection back; resolves once it is back in the pool. */
  close: () => Promise<void>
}

export interface ListenChannelOptions {
  pool: pg.Pool
  channel: string
  onNotification: (payload: string) => void
  /** Called after the connection dropped: notifications sent meanwhile were missed. */
  onLost?: () => void
  logger: Logger
  /** Wait before connecting again after a failure. */
  retryMs: number
}

/**
 * One pooled connection that LISTENs on a channel and comes back by itself after a drop. Each checkout is
 * released exactly once (a connection that drops mid-`LISTEN` both emits `error` and rejects the query;
 * releasing twice makes pg-pool throw, and that throw, unhandled, ends the process), and a connection
 * that completes after `close` is released at once, so `pool.end()` never waits on it.
 *
 * @example
 * const listener = listenChannel({ pool, channel: 'dezky_reconcile', onNotification: wakeUp, logger, retryMs: 1000 })
 * await listener.close()
 */
export function listenChannel(options: ListenChannelOptions): ChannelListener {
  const { pool, channel, logger } = options
  let closed = false
  let retry: NodeJS.Timeout | undefined
  let current: { client: pg.PoolClient, release: (destroy: boolean) => void } | undefined
  let connecting: Promise<void> | undefined

  const later = () => {
    if (!closed && !retry) {
      retry = setTimeout(() => {
        retry = undefined
        connecting = connect()
      }, options.retryMs)
    }
  }

  async function connect(): Promise<void> {
    let client: pg.PoolClient | undefined
    let released = false
    const release = (destroy: boolean) => {
      if (released || !client)
        return
      released = true
      client.off('notification', onNotification)
      client.off('error', onError)
      client.release(destroy || undefined)
      if (current?.client === client)
        current = undefined
    }
    function onNotification(message: pg.Notification) {
      options.onNotification(message.payload ?? '')
    }
    function onError(error: Error) {
      logger.warn({ err: error.message, channel }, 'LISTEN connection failed; reconnecting')
      release(true)
      options.onLost?.()
      later()
    }
    try {
      client = await pool.connect()
      client.on('notification', onNotification)
      client.on('error', onError)
      await client.query(`listen ${channel}`)
      if (closed)
        return release(false)
      current = { client, release }
    }
    catch (error) {
      logger.warn({ err: (error as Error).message, channel }, 'LISTEN failed; retrying')
      release(true)
      later()
    }
  }

  connecting = connect()
  return {
    async listening() {
      await connecting
      return current !== undefined
    },
    async close() {
      closed = true
      clearTimeout(retry)
      await connecting
      const held = current
      if (held) {
        await held.client.query(`unlisten ${channel}`).catch(() => {})
        held.release(false)
      }
    },
  }
}
