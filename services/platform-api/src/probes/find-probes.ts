import type { TProbe, TProbeList } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import type { ProbeDefinition } from './define-probes'
import { sql } from 'drizzle-orm'
import { probeStatus } from './probe-status'
import { toProbeResult } from './to-probe-result'

/** Results per probe in the list, for the sparkline. */
export const RECENT_RESULTS = 30

interface ResultRow {
  [column: string]: unknown
  probe: string
  checked_at: Date | string
  ok: boolean
  latency_ms: number
  error: string | null
  phase: string | null
}

/**
 * Every probe with its status and latest results: one query reads the last {@link RECENT_RESULTS} of
 * each probe through the `(probe, checked_at desc)` index, one the states, both against the database's
 * clock (which stamped the results).
 */
export async function findProbes(db: Queryable, probes: ProbeDefinition[], intervalMs: number): Promise<TProbeList> {
  const names = probes.map(probe => probe.name)
  const { rows } = await db.execute<ResultRow & { now: Date | string }>(sql`
    select r.*, now() as now from unnest(${sql.param(names)}::text[]) as n(probe)
      cross join lateral (
        select probe, checked_at, ok, latency_ms, error, phase from probe_results
         where probe = n.probe order by checked_at desc, id desc limit ${RECENT_RESULTS}) r`)
  const { rows: states } = await db.execute<{ probe: string, changed_at: Date | string, now: Date | string }>(sql`select probe, changed_at, now() as now from probe_states`)
  // Raw rows carry timestamps as Postgres prints them (drizzle turns off pg's date parsing).
  const now = new Date(rows[0]?.now ?? states[0]?.now ?? Date.now())
  return {
    intervalSeconds: Math.round(intervalMs / 1000),
    probes: probes.map((probe): TProbe => {
      const recent = rows.filter(row => row.probe === probe.name).map(row => toProbeResult({
        checkedAt: new Date(row.checked_at),
        ok: row.ok,
        latencyMs: row.latency_ms,
        error: row.error,
        phase: row.phase,
      }))
      return toProbe(probe, recent, toDate(states.find(state => state.probe === probe.name)?.changed_at), now, intervalMs)
    }),
  }
}

function toProbe(probe: ProbeDefinition, recent: TProbe['recent'], changedAt: Date | null, now: Date, intervalMs: number): TProbe {
  const last = recent[0]
  const configured = !!probe.check
  return {
    name: probe.name,
    kind: probe.kind,
    target: probe.target,
    status: probeStatus({
      configured,
      last: last && {
        ok: last.ok,
        checkedAt: new Date(last.checkedAt),
      },
      now,
      intervalMs,
    }),
    latencyMs: configured
      ? last?.latencyMs ?? null
      : null,
    lastCheckedAt: configured
      ? last?.checkedAt ?? null
      : null,
    // The latest failure's reason, also once recovered: "what went wrong last time" stays readable.
    lastError: configured
      ? recent.find(result => !result.ok)?.error ?? null
      : null,
    lastChangeAt: configured
      ? changedAt?.toISOString() ?? null
      : null,
    recent: configured
      ? recent
      : [],
  }
}

function toDate(value: Date | string | undefined): Date | null {
  return value === undefined
    ? null
    : new Date(value)
}
