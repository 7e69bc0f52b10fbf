import type { BenchResult } from '@dezky/bench-kit'
import type { BenchEnv } from './setup'
import { alternate, compare, timeSequential } from '@dezky/bench-kit'
import { getTenant } from '../src/tenants/get-tenant'
import { TENANT_BY_SLUG_IN_SCOPE, TENANT_BY_SLUG_STATEMENT } from './tenant-by-slug-sql'

const ITERATIONS = 1_000
const WARMUP_ITERATIONS = 300
const ROUNDS = 7

/**
 * (b) The Drizzle path the API runs (getTenant: its prepared lookup executed with the caller's scope, rows
 * mapped) against the same SQL as a named prepared statement through pg on the same pool, so the ratio is
 * Drizzle's own cost per query. The same SQL as an unnamed statement is measured alongside: what a query
 * pays when Postgres parses and plans it each time.
 */
export async function benchDrizzleVsPg(env: BenchEnv): Promise<BenchResult> {
  const principal = await env.deps.verifyToken(`Bearer ${env.token}`)
  const slug = env.fixture.tenants.acme.slug
  const pool = env.deps.db.$client
  const viaDrizzle = () => getTenant({ db: env.deps.db, principal, slug })
  const viaPg = (name?: string) => async () => {
    const { rows } = await pool.query({
      name,
      text: TENANT_BY_SLUG_IN_SCOPE,
      values: [
        slug,
        false,
        [slug],
        [],
        1,
      ],
    })
    if (rows.length !== 1)
      throw new Error(`raw query found ${rows.length} rows for ${slug}`)
    return rows[0] as { id: string }
  }
  const unnamed = viaPg()
  const named = viaPg(TENANT_BY_SLUG_STATEMENT)
  if ((await viaDrizzle()).id !== (await unnamed()).id)
    throw new Error('drizzle and raw pg disagree on the tenant row')

  const perQuery = (call: () => unknown) => async () => await timeSequential(ITERATIONS, call) * 1_000 / ITERATIONS
  for (const call of [unnamed, named, viaDrizzle])
    await timeSequential(WARMUP_ITERATIONS, call)
  const rounds = await alternate(ROUNDS, {
    baseline: perQuery(named),
    candidate: perQuery(viaDrizzle),
    unnamed: perQuery(unnamed),
  })
  return compare({
    name: 'tenant-by-slug query: drizzle vs pg',
    unit: 'µs/query',
    labels: { baseline: 'pg pool.query (named prepared statement)', candidate: 'getTenant (drizzle prepared)' },
    rounds,
    goal: { comparison: '<=', ratio: 1.15 },
    notes: [
      { label: 'pg unnamed statement (parsed and planned per call)', rounds: rounds.unnamed },
    ],
  })
}
