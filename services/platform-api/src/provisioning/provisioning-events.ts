import type { Logger } from 'pino'
import type { Database } from '../db/client'
import type { ChannelListener } from './listen-channel'
import { listenChannel } from './listen-channel'
import { PROVISIONING_CHANNEL } from './notify-provisioning'

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
  let channel: ChannelListener | undefined
  const notify = (tenantId: string) => {
    for (const listener of listeners.get(tenantId) ?? [])
      listener()
  }
  // Notifications may have been missed while the connection was down: every stream re-reads its state.
  const notifyAll = () => {
    for (const tenantId of listeners.keys())
      notify(tenantId)
  }

  return {
    subscribe(tenantId, listener) {
      channel ??= listenChannel({
        pool: db.$client,
        channel: PROVISIONING_CHANNEL,
        onNotification: notify,
        onLost: notifyAll,
        logger,
        retryMs: 1000,
      })
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
      listeners.clear()
      await channel?.close()
      channel = undefined
    },
  }
}
