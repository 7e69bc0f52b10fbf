import type { BenchStack } from './start-bench-stack'
import type { StockNuxt } from './start-stock-nuxt'
import { startBenchStack } from './start-bench-stack'
import { startStockNuxt } from './start-stock-nuxt'

export interface PortalBenchEnv {
  stack: BenchStack
  stock: StockNuxt
}

/**
 * The whole product with the tenant owner signed in, and the stock Nuxt app (built once per run) reading
 * from the same API with the same owner's token.
 */
export async function startPortalBenchEnv() {
  const stack = await startBenchStack()
  try {
    const stock = await startStockNuxt(stack)
    return {
      env: { stack, stock },
      async stop() {
        await stock.stop()
        await stack.stop()
      },
    }
  }
  catch (error) {
    await stack.stop()
    throw error
  }
}
