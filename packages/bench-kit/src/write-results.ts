import type { BenchResult } from './compare'
import { writeFile } from 'node:fs/promises'
import { availableParallelism, cpus } from 'node:os'

/**
 * Writes every result, each round of each side included, with the date and the machine they were
 * measured on: absolute figures mean little without the core count and the CPU.
 */
export async function writeResults(file: string, results: readonly BenchResult[]): Promise<string> {
  const document = {
    date: new Date().toISOString(),
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      platform: `${process.platform}-${process.arch}`,
    },
    results,
  }
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`)
  return file
}
