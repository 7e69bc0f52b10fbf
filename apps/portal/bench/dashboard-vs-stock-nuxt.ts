import type { PortalBenchEnv } from './portal-bench-env'
import { alternate, compare, measureThroughput, WARMUP } from '@dezky/bench-kit'
import { BENCH_TENANT } from './start-bench-stack'

const ROUNDS = 3
const LABELS = {
  stock: 'stock Nuxt page',
  stockData: 'stock Nuxt, same data',
  dashboard: 'dashboard, signed in',
  publicPage: 'portal public page, anonymous',
}
type Contestant = keyof typeof LABELS

/**
 * (b) Server rendering of the tenant dashboard for its signed-in owner, with the real data it fetches
 * from the API, against the stock Nuxt page: both built for production and served by Node on this machine.
 * Measured in the same rounds, to tell the costs apart: the stock app's page that reads the same three
 * API resources (tenant, usage, provisioning) through a server route, and an anonymous public page of the
 * portal (`/auth/signed-out`: no session, no data), which is what the portal's modules and shell cost.
 */
export async function benchDashboardVsStockNuxt({ stack, stock }: PortalBenchEnv) {
  const targets: Record<Contestant, [string, Record<string, string>]> = {
    stock: [`${stock.url}/`, {}],
    stockData: [`${stock.url}/tenants/${BENCH_TENANT.slug}`, {}],
    dashboard: [
      `${stack.appUrl}/t/${BENCH_TENANT.slug}`,
      { cookie: stack.cookie },
    ],
    publicPage: [`${stack.appUrl}/auth/signed-out`, {}],
  }
  for (const [url, headers] of Object.values(targets))
    await measureThroughput(url, headers, WARMUP)
  const rounds = await alternate(ROUNDS, {
    stock: () => measureThroughput(...targets.stock),
    stockData: () => measureThroughput(...targets.stockData),
    dashboard: () => measureThroughput(...targets.dashboard),
    publicPage: () => measureThroughput(...targets.publicPage),
  })
  const row = (name: string, baseline: Contestant, candidate: Contestant) => ({
    name,
    unit: 'req/s',
    labels: { baseline: LABELS[baseline], candidate: LABELS[candidate] },
    rounds: { baseline: rounds[baseline], candidate: rounds[candidate] },
  })
  return [
    compare({
      ...row('dashboard SSR vs a stock Nuxt page', 'stock', 'dashboard'),
      goal: { comparison: '>=', ratio: 0.8 },
    }),
    compare(row('dashboard SSR vs stock Nuxt reading the same data', 'stockData', 'dashboard')),
    compare(row('stock Nuxt reading the data vs the stock page', 'stock', 'stockData')),
    compare(row('anonymous portal page vs the stock page', 'stock', 'publicPage')),
  ]
}
