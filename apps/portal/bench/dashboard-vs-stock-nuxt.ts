import type { PortalBenchEnv } from './portal-bench-env'
import { alternate, compare, measureThroughput, WARMUP } from '@dezky/bench-kit'
import { BENCH_TENANT } from './start-bench-stack'

const ROUNDS = 3

/**
 * (b) Server rendering of the tenant dashboard for its signed-in owner, with the real data it fetches
 * from the API, against the stock Nuxt page: both built for production and served by Node on this machine.
 */
export async function benchDashboardVsStockNuxt({ stack, stock }: PortalBenchEnv) {
  const dashboardUrl = `${stack.appUrl}/t/${BENCH_TENANT.slug}`
  const dashboard = () => measureThroughput(dashboardUrl, { cookie: stack.cookie })
  const stockPage = () => measureThroughput(`${stock.url}/`, {})
  await measureThroughput(`${stock.url}/`, {}, WARMUP)
  await measureThroughput(dashboardUrl, { cookie: stack.cookie }, WARMUP)
  const rounds = await alternate(ROUNDS, { stockPage, dashboard })
  return compare({
    name: 'dashboard SSR vs a stock Nuxt page',
    unit: 'req/s',
    labels: { baseline: 'stock Nuxt page', candidate: 'dashboard, signed in' },
    rounds: { baseline: rounds.stockPage, candidate: rounds.dashboard },
    goal: { comparison: '>=', ratio: 0.8 },
  })
}
