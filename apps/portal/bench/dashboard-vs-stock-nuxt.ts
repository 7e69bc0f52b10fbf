import type { PortalBenchEnv } from './portal-bench-env'
import { comparePairs, throughputRounds } from '@dezky/bench-kit'
import { BENCH_TENANT } from './start-bench-stack'

const ROUNDS = 3
const LABELS = {
  stock: 'stock Nuxt page',
  stockData: 'stock Nuxt, same data',
  dashboard: 'dashboard, signed in',
  publicPage: 'portal public page, anonymous',
}

/**
 * (b) Server rendering of the tenant dashboard for its signed-in owner, with the real data it fetches
 * from the API, against the stock Nuxt page: both built for production and served by Node on this machine.
 * Measured in the same rounds, to tell the costs apart: the stock app's page that reads the same three
 * API resources (tenant, usage, provisioning) through a server route, and an anonymous public page of the
 * portal (`/auth/signed-out`: no session, no data), which is what the portal's modules and shell cost.
 */
export async function benchDashboardVsStockNuxt({ stack, stock }: PortalBenchEnv) {
  const rounds = await throughputRounds(ROUNDS, {
    stock: { url: `${stock.url}/` },
    stockData: { url: `${stock.url}/tenants/${BENCH_TENANT.slug}` },
    dashboard: {
      url: `${stack.appUrl}/t/${BENCH_TENANT.slug}`,
      headers: { cookie: stack.cookie },
    },
    publicPage: { url: `${stack.appUrl}/auth/signed-out` },
  })
  const row = comparePairs(rounds, LABELS, 'req/s')
  return [
    row('dashboard SSR vs a stock Nuxt page', 'stock', 'dashboard', { comparison: '>=', ratio: 0.8 }),
    row('dashboard SSR vs stock Nuxt reading the same data', 'stockData', 'dashboard'),
    row('stock Nuxt reading the data vs the stock page', 'stock', 'stockData'),
    row('anonymous portal page vs the stock page', 'stock', 'publicPage'),
  ]
}
