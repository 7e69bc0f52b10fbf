import type { BenchStack } from './start-bench-stack'
import { alternate, measureThroughput, WARMUP } from './load'
import { compare } from './result'
import { BENCH_TENANT } from './start-bench-stack'

const ROUNDS = 3

/**
 * (a) `GET /api/tenants/acme` through the portal's BFF (session cookie → server-side token → API over
 * the keep-alive pool → contract check) against `GET /tenants/acme` on the API with the same user's token.
 */
export async function benchBffVsApi(stack: BenchStack) {
  const bff = () => measureThroughput(`${stack.appUrl}/api/tenants/${BENCH_TENANT.slug}`, { cookie: stack.cookie })
  const api = () => measureThroughput(`${stack.apiUrl}/tenants/${BENCH_TENANT.slug}`, { authorization: `Bearer ${stack.token}` })
  await measureThroughput(`${stack.apiUrl}/tenants/${BENCH_TENANT.slug}`, { authorization: `Bearer ${stack.token}` }, WARMUP)
  await measureThroughput(`${stack.appUrl}/api/tenants/${BENCH_TENANT.slug}`, { cookie: stack.cookie }, WARMUP)
  const medians = await alternate(ROUNDS, { api, bff })
  return compare({
    name: 'BFF GET /api/tenants/acme vs the API',
    unit: 'req/s',
    baseline: { label: 'API directly', value: medians.api },
    candidate: { label: 'through the BFF', value: medians.bff },
    goal: { comparison: '>=', ratio: 0.6 },
  })
}
