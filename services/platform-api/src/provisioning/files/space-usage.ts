import type { TOcisDrive } from './ocis-schemas'

/** What the files step reports for the UIs: the space's quota as last read, and where to open it. */
export interface SpaceUsage {
  quota: { used: number | null, total: number | null }
  /** When the space was read (the step reads it on every run; this costs no extra call). */
  measuredAt: string
  webUrl: string | null
}

/**
 * The files step's `outputs` from the drive it just read or wrote.
 *
 * @example
 * spaceUsage({ id: 'd', name: 'acme', quota: { total: 50, used: 5 } }, new Date(0))
 * // { quota: { used: 5, total: 50 }, measuredAt: '1970-01-01T00:00:00.000Z', webUrl: null }
 */
export function spaceUsage(drive: TOcisDrive, now = new Date()): SpaceUsage {
  return {
    quota: {
      used: drive.quota?.used ?? null,
      total: drive.quota?.total ?? null,
    },
    measuredAt: now.toISOString(),
    webUrl: drive.webUrl ?? null,
  }
}
