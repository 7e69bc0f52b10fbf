import type { TProbeChangedEvent, TProbeName } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import type { CheckOutcome } from './check-outcome'
import { eq, sql } from 'drizzle-orm'
import { probeResults, probeStates } from '../db/schema'

/** API processes LISTEN here to tell operators' event streams that a probe turned ok or failed. */
export const PROBE_CHANNEL = 'dezky_probes'

/**
 * Stores one result and moves the probe's state. The state row is locked, so two recorders (the prober
 * and an operator's "run now") agree on whether this result is a change; a change — or a first result
 * that is a failure — is NOTIFYed on {@link PROBE_CHANNEL}, delivered when the caller's transaction commits.
 */
export async function recordProbeResult(tx: Queryable, name: TProbeName, outcome: CheckOutcome): Promise<{ changed: boolean }> {
  const inserted = await tx.insert(probeStates).values({
    probe: name,
    ok: outcome.ok,
    changedAt: sql`now()`,
    checkedAt: sql`now()`,
  }).onConflictDoNothing().returning({ ok: probeStates.ok })
  let changed = inserted.length > 0 && !outcome.ok
  if (!inserted.length) {
    const [previous] = await tx.select({ ok: probeStates.ok }).from(probeStates).where(eq(probeStates.probe, name)).for('update')
    changed = previous!.ok !== outcome.ok
    await tx.update(probeStates).set({
      ok: outcome.ok,
      checkedAt: sql`now()`,
      ...(changed
        ? { changedAt: sql`now()` }
        : {}),
    }).where(eq(probeStates.probe, name))
  }
  const [row] = await tx.insert(probeResults).values({
    probe: name,
    ok: outcome.ok,
    latencyMs: outcome.latencyMs,
    error: outcome.error,
    phase: outcome.phase,
  }).returning({ checkedAt: probeResults.checkedAt })
  if (changed) {
    const event: TProbeChangedEvent = {
      name,
      status: outcome.ok
        ? 'ok'
        : 'failed',
      error: outcome.error,
      checkedAt: row!.checkedAt.toISOString(),
    }
    await tx.execute(sql`select pg_notify(${PROBE_CHANNEL}, ${JSON.stringify(event)})`)
  }
  return { changed }
}
