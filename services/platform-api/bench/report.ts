import type { BenchResult } from './result'
import { writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'

export const RESULTS_FILE = join(tmpdir(), 'dezky-bench-results.json')

/** The table `pnpm bench` prints: one row per benchmark, medians of the alternating rounds. */
export function formatTable(results: readonly BenchResult[]): string {
  const header = [
    'benchmark',
    'baseline',
    'candidate',
    'ratio',
    'goal',
    'result',
  ]
  const rows = results.map(result => [
    result.name,
    `${figure(result.baseline.median)} ${result.unit}`,
    `${figure(result.candidate.median)} ${result.unit}`,
    `${result.ratio.toFixed(2)}×`,
    `${result.goal.comparison} ${result.goal.ratio}×`,
    [
      result.pass ? 'pass' : 'FAIL',
      ...Object.entries(result.checks ?? {}).map(([name, value]) => `${name}=${value}`),
    ].join(' '),
  ])
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map(row => row[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()
  const notes = results.flatMap(result => (result.notes ?? []).map(note =>
    `note (${result.name}): ${note.label}: ${figure(note.median)} ${result.unit}, ${note.ratio.toFixed(2)}× the baseline`))
  return [
    line(header),
    line(widths.map(width => '-'.repeat(width))),
    ...rows.map(line),
    ...(notes.length
      ? ['', ...notes]
      : []),
  ].join('\n')
}

export async function writeResults(results: readonly BenchResult[]): Promise<string> {
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
  await writeFile(RESULTS_FILE, `${JSON.stringify(document, null, 2)}\n`)
  return RESULTS_FILE
}

function figure(value: number): string {
  return value >= 100
    ? Math.round(value).toLocaleString('en-US')
    : value.toFixed(1)
}
