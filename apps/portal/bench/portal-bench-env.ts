import type { BenchStack } from './start-bench-stack'
import type { StockNuxt } from './start-stock-nuxt'
import { startBenchStack } from './start-bench-stack'
import { startStockNuxt } from './start-stock-nuxt'

export interface PortalBenchEnv {
  stack: BenchStack
  stock: StockNuxt
}

/** The stock Nuxt app (built first, once per run) and the whole product with its owner signed in. */
export async function startPortalBenchEnv() {
  const stock = await startStockNuxt()
  try {
    const stack = await startBenchStack()
    return {
      env: { stack, stock },
      async stop() {
        await stack.stop()
        await stock.stop()
      },
    }
  }
  catch (error) {
    await stock.stop()
    throw error
  }
}
