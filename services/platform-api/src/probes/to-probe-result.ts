import type { TProbePhase, TProbeResult } from '@dezky/contracts'
import type { ProbeResultRow } from '../db/schema'

export function toProbeResult(row: Pick<ProbeResultRow, 'checkedAt' | 'ok' | 'latencyMs' | 'error' | 'phase'>): TProbeResult {
  return {
    checkedAt: row.checkedAt.toISOString(),
    ok: row.ok,
    latencyMs: row.latencyMs,
    error: row.error,
    phase: row.phase as TProbePhase | null,
  }
}
