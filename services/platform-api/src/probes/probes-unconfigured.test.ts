import type { AddressInfo } from 'node:net'
import type { TestApi } from '../../test/test-api'
import { createServer as createHttpServer } from 'node:http'
import { createServer } from 'node:net'
import { count, eq, sql } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem } from '../../test/expect-problem'
import { createTestApi } from '../../test/test-api'
import { probeResults, probeRounds } from '../db/schema'
import { claimProbeRound } from './claim-probe-round'
import { defineProbes } from './define-probes'
import { pruneProbeResults } from './prune-probe-results'
import { startProbeRunner } from './start-probe-runner'

/*
 * An API with no upstream configured: only its own database is probed. Results are written straight
 * into the table where a test needs them old (stale, retention); everything else goes through the API.
 */

let api: TestApi
let noc: string
const INTERVAL_MS = 1000

beforeAll(async () => {
  api = await createTestApi({
    PROBE_INTERVAL_SECONDS: String(INTERVAL_MS / 1000),
    PROBE_TIMEOUT_MS: '500',
  })
  noc = await api.token(['operator:noc'])
})
afterAll(() => api?.close())

async function list() {
  const response = await api.request('GET', '/system/probes', { token: noc })
  expect(response.status).toBe(200)
  return (await response.json()) as { intervalSeconds: number, probes: { name: string, status: string, target: string | null, recent: unknown[], lastChangeAt: string | null }[] }
}
const statusOf = async (name: string) => (await list()).probes.find(probe => probe.name === name)!

describe('probes without upstreams', () => {
  it('reports unconfigured upstreams as not-configured, never ok, and refuses to run them', async () => {
    const { intervalSeconds, probes } = await list()
    expect(intervalSeconds).toBe(1)
    expect(probes.map(probe => [probe.name, probe.status, probe.target])).toEqual([
      ['authentik', 'not-configured', null],
      ['stalwart', 'not-configured', null],
      ['ocis', 'not-configured', null],
      ['smtp', 'not-configured', null],
      [
        'postgres',
        'unknown',
        expect.stringMatching(/^[\w.-]+:\d+$/),
      ],
    ])
    const technician = await api.token(['operator:technician'])
    await expectProblem(await api.request('POST', '/system/probes/smtp/run', { token: technician }), 409)
  })

  it('turns a result older than two intervals stale, and ok again once probed', async () => {
    await api.database.db.insert(probeResults).values({
      probe: 'postgres',
      ok: true,
      latencyMs: 3,
      checkedAt: sql`now() - interval '2500 milliseconds'`,
    })
    expect((await statusOf('postgres')).status).toBe('stale')
    const technician = await api.token(['operator:technician'])
    const run = await api.request('POST', '/system/probes/postgres/run', { token: technician })
    expect(run.status).toBe(200)
    expect(await run.json()).toMatchObject({
      name: 'postgres',
      kind: 'postgres',
      status: 'ok',
      lastError: null,
    })
    expect((await statusOf('postgres')).recent).toHaveLength(2)
  })

  it('lists history newest first, limited, and refuses bad names and limits with problems', async () => {
    const history = await api.request('GET', '/system/probes/postgres/history?limit=1', { token: noc })
    const body = await history.json()
    expect(body.items).toHaveLength(1)
    const all = (await (await api.request('GET', '/system/probes/postgres/history', { token: noc })).json()).items as { checkedAt: string }[]
    expect(all.length).toBeGreaterThanOrEqual(2)
    expect(all.map(item => item.checkedAt)).toEqual(all.map(item => item.checkedAt).sort().reverse())
    expect(body.items[0]).toEqual(all[0])
    await expectProblem(await api.request('GET', '/system/probes/mysql/history', { token: noc }), 404)
    await expectProblem(await api.request('POST', '/system/probes/mysql/run', { token: noc }), 404)
    for (const limit of ['0', '1001', 'ten'])
      await expectProblem(await api.request('GET', `/system/probes/postgres/history?limit=${limit}`, { token: noc }), 400)
    await expectProblem(await api.request('GET', '/system/probes/postgres/history?since=1', { token: noc }), 400)
  })

  it('is for operators: noc reads but cannot run; tenant and partner people are refused', async () => {
    await expectProblem(await api.request('POST', '/system/probes/postgres/run', { token: noc }), 403)
    for (const groups of [
      ['tenant:acme:owner'],
      ['partner:nimbus:partner_admin'],
      [],
    ]) {
      const token = await api.token(groups)
      await expectProblem(await api.request('GET', '/system/probes', { token }), 403)
      await expectProblem(await api.request('GET', '/system/probes/postgres/history', { token }), 403)
      await expectProblem(await api.request('POST', '/system/probes/postgres/run', { token }), 403)
      await expectProblem(await api.request('GET', '/operator/events', { token }), 403)
    }
  })

  it('audits a run by its operator', async () => {
    const { rows } = await api.database.db.execute<{ action: string, target_id: string, actor_roles: string[] }>(sql`select action, target_id, actor_roles from audit_log where action = 'probe.run'`)
    expect(rows).toEqual([
      {
        action: 'probe.run',
        target_id: 'postgres',
        actor_roles: ['operator:technician'],
      },
    ])
  })
})

describe('an upstream nobody listens for', () => {
  it('fails in the tcp phase with the socket\'s reason, naming no credentials', async () => {
    const closed = createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as AddressInfo
    await new Promise(resolve => closed.close(resolve))
    const other = await createTestApi({ STALWART_URL: `http://admin:s3cret@127.0.0.1:${port}`, SMTP_URL: `smtp://user:pw@127.0.0.1:${port}` }, { idp: api.idp })
    try {
      const technician = await other.token(['operator:technician'])
      for (const name of ['stalwart', 'smtp']) {
        const response = await other.request('POST', `/system/probes/${name}/run`, { token: technician })
        const body = await response.json()
        expect(body).toMatchObject({
          status: 'failed',
          target: `127.0.0.1:${port}`,
          lastError: `connect ECONNREFUSED 127.0.0.1:${port}`,
          recent: [
            { ok: false, phase: 'tcp' },
          ],
        })
        expect(JSON.stringify(body)).not.toMatch(/s3cret|pw@|admin:/)
      }
    }
    finally {
      await other.close()
    }
  })
})

describe('retention', () => {
  it('keeps the path of an upstream served under a prefix', async () => {
    const server = createHttpServer((req, res) => {
      res.writeHead(req.url === '/auth/-/health/ready/'
        ? 204
        : 404).end()
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const [authentik] = defineProbes({ ...api.deps.config, AUTHENTIK_URL: `http://127.0.0.1:${port}/auth/` }, api.database.db)
      expect(authentik).toMatchObject({ name: 'authentik', target: `127.0.0.1:${port}` })
      await authentik!.check!(AbortSignal.timeout(2000))
    }
    finally {
      server.close()
    }
  })

  it('prunes results older than the retention in batches, and keeps the rest', async () => {
    const old = Array.from({ length: 2500 }, (_, i) => ({
      probe: 'postgres',
      ok: i % 2 === 0,
      latencyMs: 1,
      checkedAt: sql`now() - interval '8 days'`,
    }))
    await api.database.db.insert(probeResults).values(old)
    const before = await api.database.db.select({
      n: count(),
    }).from(probeResults)
    expect(await pruneProbeResults(api.database.db, 7, 1000)).toBe(2500)
    const after = await api.database.db.select({
      n: count(),
    }).from(probeResults)
    expect(after[0]!.n).toBe(before[0]!.n - 2500)
    expect(after[0]!.n).toBeGreaterThan(0)
  })
})

describe('one prober for many processes', () => {
  it('lets exactly one claimant take a due round', async () => {
    await api.database.db.delete(probeRounds)
    const claims = await Promise.all(['a', 'b', 'c'].map(owner => claimProbeRound(api.database.db, owner, 60_000)))
    expect(claims.filter(claim => claim.claimed)).toHaveLength(1)
    for (const claim of claims.filter(claim => !claim.claimed))
      expect(claim.waitMs).toBeGreaterThan(59_000)
  })

  it('probes once per interval with two runners on one database', async () => {
    await api.database.db.delete(probeRounds)
    await api.database.db.delete(probeResults)
    const probes = defineProbes(api.deps.config, api.database.db)
    const options = {
      db: api.database.db,
      logger: pino({ level: 'silent' }),
      probes,
      intervalMs: 500,
      timeoutMs: 400,
      retentionDays: 7,
    }
    const runners = [
      startProbeRunner(options),
      startProbeRunner(options),
    ]
    await new Promise(resolve => setTimeout(resolve, 2100))
    await Promise.all(runners.map(runner => runner.stop()))
    const [{ n }] = await api.database.db.select({
      n: count(),
    }).from(probeResults).where(eq(probeResults.probe, 'postgres')) as [{ n: number }]
    // Rounds at about 0, 0.5, 1, 1.5 and 2 s: two independent runners would have made about ten.
    expect(n).toBeGreaterThanOrEqual(4)
    expect(n).toBeLessThanOrEqual(6)
  })
})
