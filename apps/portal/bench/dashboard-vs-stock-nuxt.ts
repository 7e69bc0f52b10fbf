import type { BenchStack } from './start-bench-stack'
import type { StockNuxt } from './start-stock-nuxt'
import { alternate, measureThroughput, WARMUP } from './load'
import { compare } from './result'
import { BENCH_TENANT } from './start-bench-stack'

const ROUNDS = 3

/**
 * (b) Server rendering of the tenant dashboard for its signed-in owner, with the real data it fetches
 * from the API, against the stock Nuxt page: both built for production and served by Node on this machine.
 */
export async function benchDashboardVsStockNuxt(stack: BenchStack, stock: StockNuxt) {
  const dashboardUrl = `${stack.appUrl}/t/${BENCH_TENANT.slug}`
  const dashboard = () => measureThroughput(dashboardUrl, { cookie: stack.cookie })
  const stockPage = () => measureThroughput(`${stock.url}/`, {})
  await measureThroughput(`${stock.url}/`, {}, WARMUP)
  await measureThroughput(dashboardUrl, { cookie: stack.cookie }, WARMUP)
  const medians = await alternate(ROUNDS, { stockPage, dashboard })
  return compare({
    name: 'dashboard SSR vs a stock Nuxt page',
    unit: 'req/s',
    baseline: { label: 'stock Nuxt page', value: medians.stockPage },
    candidate: { label: 'dashboard, signed in', value: medians.dashboard },
    goal: { comparison: '>=', ratio: 0.8 },
  })
}
