import type { PoolClient } from 'pg'
import type { Logger } from 'pino'
import type { Database } from '../db/client'
import { PROVISIONING_CHANNEL } from './notify-provisioning'
import { releaserOf } from './release-once'

export type ProvisioningListener = () => void

export interface ProvisioningEvents {
  /** Calls `listener` whenever the tenant's steps change (from any worker, in any process). */
  subscribe: (tenantId: string, listener: ProvisioningListener) => () => void
  close: () => Promise<void>
}

/**
 * Fans Postgres notifications about provisioning out to the API's SSE streams. One LISTEN connection
 * per process, opened with the first subscriber and re-opened after it drops; if it drops, listeners are
 * told once so they re-read the state they might have missed.
 */
export function createProvisioningEvents(db: Database, logger: Logger): ProvisioningEvents {
  const listeners = new Map<string, Set<ProvisioningListener>>()
  let client: PoolClient | undefined
  let releaseHeld = (_destroy?: boolean) => {}
  let connecting: Promise<void> | undefined
  let closed = false

  const notifyAll = () => {
    for (const set of listeners.values()) {
      for (const listener of set)
        listener()
    }
  }

  let retry: NodeJS.Timeout | undefined
  const reconnectLater = (ms: number) => {
    if (closed || retry)
      return
    retry = setTimeout(() => {
      retry = undefined
      if (listeners.size)
        void connect()
    }, ms)
  }

  function connect(): Promise<void> {
    connecting ??= (async () => {
      let next: PoolClient | undefined
      let release = (_destroy?: boolean) => {}
      try {
        next = await db.$client.connect()
        const own = next
        release = releaserOf(own)
        own.on('notification', (message) => {
          for (const listener of listeners.get(message.payload ?? '') ?? [])
            listener()
        })
        own.on('error', (error) => {
          logger.warn({ err: error.message }, 'provisioning LISTEN connection failed')
          release()
          if (client === own)
            client = undefined
          connecting = undefined
          // Notifications may have been missed: every stream re-reads its state.
          notifyAll()
          reconnectLater(1000)
        })
        await own.query(`listen ${PROVISIONING_CHANNEL}`)
        client = own
        releaseHeld = release
      }
      catch (error) {
        logger.warn({ err: (error as Error).message }, 'provisioning LISTEN failed; retrying')
        if (next && client !== next)
          release()
        connecting = undefined
        reconnectLater(2000)
      }
    })()
    return connecting
  }

  return {
    subscribe(tenantId, listener) {
      if (!client)
        void connect()
      let set = listeners.get(tenantId)
      if (!set) {
        set = new Set()
        listeners.set(tenantId, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
        if (!set.size)
          listeners.delete(tenantId)
      }
    },
    async close() {
      closed = true
      clearTimeout(retry)
      listeners.clear()
      await connecting
      if (client) {
        await client.query(`unlisten ${PROVISIONING_CHANNEL}`).catch(() => {})
        releaseHeld(false)
        client = undefined
      }
    },
  }
}
