import type { PortalBenchEnv } from './portal-bench-env'
import { alternate, compare, measureThroughput, WARMUP } from '@dezky/bench-kit'
import { BENCH_TENANT } from './start-bench-stack'

const ROUNDS = 3

/**
 * (a) `GET /api/tenants/acme` through the portal's BFF (session cookie → server-side token → API over
 * the keep-alive pool → contract check) against `GET /tenants/acme` on the API with the same user's token.
 */
export async function benchBffVsApi({ stack }: PortalBenchEnv) {
  const bff = () => measureThroughput(`${stack.appUrl}/api/tenants/${BENCH_TENANT.slug}`, { cookie: stack.cookie })
  const api = () => measureThroughput(`${stack.apiUrl}/tenants/${BENCH_TENANT.slug}`, { authorization: `Bearer ${stack.token}` })
  await measureThroughput(`${stack.apiUrl}/tenants/${BENCH_TENANT.slug}`, { authorization: `Bearer ${stack.token}` }, WARMUP)
  await measureThroughput(`${stack.appUrl}/api/tenants/${BENCH_TENANT.slug}`, { cookie: stack.cookie }, WARMUP)
  const rounds = await alternate(ROUNDS, { api, bff })
  return compare({
    name: 'BFF GET /api/tenants/acme vs the API',
    unit: 'req/s',
    labels: { baseline: 'API directly', candidate: 'through the BFF' },
    rounds: { baseline: rounds.api, candidate: rounds.bff },
    goal: { comparison: '>=', ratio: 0.6 },
  })
}
