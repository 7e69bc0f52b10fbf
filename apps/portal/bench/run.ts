import type { PortalBenchEnv } from './portal-bench-env'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runSuite } from '@dezky/bench-kit'
import { benchBffVsApi } from './bff-vs-api'
import { benchDashboardJsSize } from './dashboard-js-size'
import { benchDashboardVsStockNuxt } from './dashboard-vs-stock-nuxt'
import { startPortalBenchEnv } from './portal-bench-env'

/**
 * `pnpm bench [bff|ssr|js-size…]` in apps/portal (the portal must be built: `nuxt build`): every figure
 * is a ratio against a baseline measured in the same run. Exits 1 when a goal is missed.
 */
runSuite<PortalBenchEnv>({
  benchmarks: {
    'bff': benchBffVsApi,
    'ssr': benchDashboardVsStockNuxt,
    'js-size': benchDashboardJsSize,
  },
  start: startPortalBenchEnv,
  resultsFile: join(tmpdir(), 'dezky-portal-bench-results.json'),
  table: { labels: true },
})
