import { ZProbe, ZProbeHistory, ZProbeList, ZProbeName } from '@dezky/contracts'
import { z } from 'zod'
import { can } from '../auth/capabilities'
import { defineRoute } from '../http/define-route'
import { forbidden } from '../http/problem'
import { defineProbes } from './define-probes'
import { findProbeHistory } from './find-probe-history'
import { findProbes } from './find-probes'
import { runProbeNow } from './run-probe-now'

const ZProbeParams = z.object({ name: ZProbeName })

function assertSystemReader(principal: Parameters<typeof can>[0]) {
  if (!can(principal, 'system:read'))
    throw forbidden('Infrastructure probes are for the provider\'s operators.')
}

export const probeRoutes = [
  defineRoute({
    method: 'GET',
    path: '/system/probes',
    operationId: 'listProbes',
    summary: 'Every dependency\'s probe: status, latency, last error and the latest results (operators)',
    tag: 'System',
    auth: true,
    access: { scope: 'global', capability: 'system:read' },
    response: { status: 200, schema: ZProbeList },
    handler: async ({ db, deps, principal }) => {
      assertSystemReader(principal)
      return findProbes(db, defineProbes(deps.config, deps.db), deps.config.PROBE_INTERVAL_SECONDS * 1000)
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/system/probes/:name/history',
    operationId: 'listProbeHistory',
    summary: 'A probe\'s results, newest first (operators)',
    tag: 'System',
    auth: true,
    access: { scope: 'global', capability: 'system:read' },
    params: ZProbeParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
    }).strict(),
    response: { status: 200, schema: ZProbeHistory },
    handler: async ({ db, principal, params, query }) => {
      assertSystemReader(principal)
      return findProbeHistory(db, params.name, query.limit)
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/system/probes/:name/run',
    operationId: 'runProbe',
    summary: 'Check a dependency now and record the result (operators who act; audited)',
    tag: 'System',
    auth: true,
    access: { scope: 'global', capability: 'probe:run' },
    params: ZProbeParams,
    // The check waits on the network: it must not hold a transaction meanwhile.
    transaction: 'handler',
    response: { status: 200, schema: ZProbe },
    handler: ({ deps, principal, params, transaction, audit }) => runProbeNow({
      db: deps.db,
      config: deps.config,
      principal,
      name: params.name,
      transaction,
      audit,
    }),
  }),
]
