import type { TProbeChangedEvent, TProvisioningFailedEvent } from '@dezky/contracts'
import { ZProbeChangedEvent, ZProvisioningFailedEvent } from '@dezky/contracts'

/** How many events the drawer keeps (in memory only: a reload starts empty). */
export const NOTIFICATIONS_KEPT = 50

export type TOperatorEvent
  = | { type: 'probe.changed', data: TProbeChangedEvent }
    | { type: 'provisioning.failed', data: TProvisioningFailedEvent }

export type TNotification = TOperatorEvent & {
  /** Stable per event, so a repeat of the same one (after a reconnect) is kept once. */
  id: string
  at: string
  read: boolean
  /** Something broke (a step failed, a probe went down), as opposed to a recovery. */
  failure: boolean
  /** Where to look: the tenant's Provisioning tab or the probe's Infrastructure page. */
  to: string
}

const SCHEMAS = {
  'probe.changed': ZProbeChangedEvent,
  'provisioning.failed': ZProvisioningFailedEvent,
} as const

/**
 * One event of the stream as a notification, or null when its type is unknown or its data does not
 * match the contract (a newer API may send more kinds: they are skipped, not shown half-read).
 *
 * @example
 * toNotification('probe.changed', '{"name":"ocis","status":"failed","error":"503","checkedAt":"…"}')
 */
export function toNotification(type: string, raw: string): TNotification | null {
  if (type !== 'probe.changed' && type !== 'provisioning.failed')
    return null
  let json: unknown
  try {
    json = JSON.parse(raw)
  }
  catch {
    return null
  }
  if (type === 'probe.changed') {
    const parsed = SCHEMAS[type].safeParse(json)
    if (!parsed.success)
      return null
    const data = parsed.data
    return {
      type,
      data,
      id: `probe:${data.name}:${data.status}:${data.checkedAt}`,
      at: data.checkedAt,
      read: false,
      failure: data.status === 'failed',
      to: `/infrastructure/${data.name}`,
    }
  }
  const parsed = SCHEMAS[type].safeParse(json)
  if (!parsed.success)
    return null
  const data = parsed.data
  return {
    type,
    data,
    // The API counts failed attempts per step, so the count tells one failure from the next.
    id: `provisioning:${data.tenantSlug}:${data.step}:${data.attempts}`,
    at: data.at,
    read: false,
    failure: true,
    to: `/tenants/${encodeURIComponent(data.tenantSlug)}/provisioning`,
  }
}

/** The list with `notification` first, a repeat ignored, at most {@link NOTIFICATIONS_KEPT}. */
export function addNotification(list: readonly TNotification[], notification: TNotification): TNotification[] {
  if (list.some(item => item.id === notification.id))
    return [...list]
  return [notification, ...list].slice(0, NOTIFICATIONS_KEPT)
}

/** The list with one notification (by id) or, without an id, every one marked read. */
export function markRead(list: readonly TNotification[], id?: string): TNotification[] {
  return list.map(item => !item.read && (id === undefined || item.id === id)
    ? { ...item, read: true }
    : item)
}

export function countUnread(list: readonly TNotification[]): number {
  return list.filter(item => !item.read).length
}
