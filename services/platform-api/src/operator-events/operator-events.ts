import type { TProbeChangedEvent, TProvisioningFailedEvent } from '@dezky/contracts'
import type { Logger } from 'pino'
import type { Database } from '../db/client'
import type { ChannelListener } from '../provisioning/listen-channel'
import { ZProbeChangedEvent } from '@dezky/contracts'
import { sql } from 'drizzle-orm'
import { PROBE_CHANNEL } from '../probes/record-probe-result'
import { listenChannel } from '../provisioning/listen-channel'
import { PROVISIONING_CHANNEL } from '../provisioning/notify-provisioning'
import { findStepFailures } from './find-step-failures'

export type OperatorEvent
  = | { type: 'probe.changed', data: TProbeChangedEvent }
    | { type: 'provisioning.failed', data: TProvisioningFailedEvent }

export type OperatorEventListener = (event: OperatorEvent) => void

export interface OperatorEvents {
  subscribe: (listener: OperatorEventListener) => () => void
  close: () => Promise<void>
}

/** Steps whose failed attempts were announced, remembered this many at most. */
const ANNOUNCED_MAX = 2000

/**
 * Fans out what operators are told about, from every process: probe changes (their NOTIFY carries the
 * event) and failed provisioning attempts (the provisioning NOTIFY carries only a tenant id, so the
 * tenant's failed steps are read once per burst of notifications, here, not once per stream). The
 * LISTEN connections open with the first subscriber and stay open, as the provisioning streams' do.
 */
export function createOperatorEvents(db: Database, logger: Logger): OperatorEvents {
  const listeners = new Set<OperatorEventListener>()
  let channels: ChannelListener[] = []
  let since: Promise<Date> | undefined
  const pending = new Set<string>()
  let flush: NodeJS.Timeout | undefined
  /** Per step, the failure last announced (generation and count of failed attempts): a new one is news. */
  const announced = new Map<string, string>()

  const emit = (event: OperatorEvent) => {
    for (const listener of listeners)
      listener(event)
  }
  const onProbe = (payload: string) => {
    const parsed = ZProbeChangedEvent.safeParse(JSON.parse(payload || 'null'))
    if (parsed.success)
      emit({ type: 'probe.changed', data: parsed.data })
  }
  const readFailures = async () => {
    flush = undefined
    const tenants = [...pending]
    pending.clear()
    const from = await since!
    for (const tenantId of tenants) {
      const failures = await findStepFailures(db, tenantId, from).catch((error: Error) => {
        logger.warn({ err: error.message, tenantId }, 'failed provisioning steps could not be read')
        return undefined
      })
      if (!failures)
        continue
      // A step of this tenant that is not failing any more (it succeeded, its count starting again)
      // is forgotten, so its next failure is news even in the same generation and with the same count.
      const failing = new Set(failures.map(failure => failure.key))
      for (const key of announced.keys()) {
        if (key.startsWith(`${tenantId}:`) && !failing.has(key))
          announced.delete(key)
      }
      for (const { key, mark, ...failure } of failures) {
        if (announced.get(key) === mark)
          continue
        announced.delete(key)
        announced.set(key, mark)
        if (announced.size > ANNOUNCED_MAX)
          announced.delete(announced.keys().next().value!)
        emit({ type: 'provisioning.failed', data: failure })
      }
    }
  }
  const onProvisioning = (tenantId: string) => {
    if (!listeners.size)
      return
    pending.add(tenantId)
    flush ??= setTimeout(() => void readFailures(), 100)
  }

  function open() {
    // Failures stored before anyone listened are not news: only attempts from now on are announced.
    since = db.execute<{ now: Date | string }>(sql`select now() as now`).then(({ rows }) => new Date(rows[0]!.now), () => new Date())
    const listen = (channel: string, onNotification: (payload: string) => void) => listenChannel({
      pool: db.$client,
      channel,
      onNotification,
      logger,
      retryMs: 1000,
    })
    channels = [
      listen(PROBE_CHANNEL, (payload) => {
        try {
          onProbe(payload)
        }
        catch {}
      }),
      listen(PROVISIONING_CHANNEL, onProvisioning),
    ]
  }
  async function shut() {
    const closing = channels
    channels = []
    clearTimeout(flush)
    flush = undefined
    pending.clear()
    await Promise.all(closing.map(channel => channel.close()))
  }

  return {
    subscribe(listener) {
      if (!channels.length)
        open()
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    async close() {
      listeners.clear()
      await shut()
    },
  }
}
