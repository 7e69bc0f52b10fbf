import type { TProbe, TProbeName } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Config } from '../config'
import type { Database, Queryable } from '../db/client'
import { can } from '../auth/capabilities'
import { conflict, forbidden } from '../http/problem'
import { defineProbes } from './define-probes'
import { findProbes } from './find-probes'
import { recordProbeResult } from './record-probe-result'
import { runCheck } from './run-check'

export interface RunProbeNowOptions {
  db: Database
  config: Config
  principal: Principal
  name: TProbeName
  transaction: <T>(work: (tx: Queryable) => Promise<T>) => Promise<T>
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Checks one dependency now, outside the schedule, and records the result like the prober does (a change
 * reaches the operators' streams). The check runs before any transaction opens, so a slow upstream holds
 * no connection; the result and the audit entry commit together.
 */
export async function runProbeNow({ db, config, principal, name, transaction, audit }: RunProbeNowOptions): Promise<TProbe> {
  if (!can(principal, 'probe:run'))
    throw forbidden('Only super admins, ops leads and technicians run probes.')
  const probes = defineProbes(config, db)
  const probe = probes.find(p => p.name === name)!
  if (!probe.check)
    throw conflict(`The ${name} probe is not configured: the API has no address for it.`)
  const outcome = await runCheck({ ...probe, check: probe.check }, config.PROBE_TIMEOUT_MS)
  await transaction(async (tx) => {
    await recordProbeResult(tx, name, outcome)
    await audit({
      action: 'probe.run',
      targetType: 'probe',
      targetId: name,
      tenantSlug: null,
      changes: [
        { field: 'ok', before: null, after: outcome.ok },
      ],
    })
  })
  const { probes: views } = await findProbes(db, [probe], config.PROBE_INTERVAL_SECONDS * 1000)
  return views[0]!
}
