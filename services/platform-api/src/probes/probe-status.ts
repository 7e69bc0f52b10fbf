import type { TProbeStatus } from '@dezky/contracts'

/**
 * What a probe shows. Only a result younger than two intervals counts as live: if no process has probed
 * for that long, the last answer says nothing about now, so the probe is `stale` rather than ok.
 */
export function probeStatus(input: { configured: boolean, last: { ok: boolean, checkedAt: Date } | undefined, now: Date, intervalMs: number }): TProbeStatus {
  if (!input.configured)
    return 'not-configured'
  if (!input.last)
    return 'unknown'
  if (input.now.getTime() - input.last.checkedAt.getTime() > 2 * input.intervalMs)
    return 'stale'
  return input.last.ok
    ? 'ok'
    : 'failed'
}
