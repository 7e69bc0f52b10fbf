import { writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, tmpdir } from 'node:os'
import { join } from 'node:path'

export interface PortalBenchResult {
  name: string
  unit: string
  baseline: { label: string, value: number }
  candidate: { label: string, value: number }
  /** candidate / baseline. */
  ratio: number
  /** The ratio the issue asks for; absent for figures that are only reported. */
  goal?: { comparison: '>=' | '<=', ratio: number }
  pass: boolean
}

export function compare(input: Omit<PortalBenchResult, 'ratio' | 'pass'>): PortalBenchResult {
  const ratio = input.candidate.value / input.baseline.value
  const pass = !input.goal || (input.goal.comparison === '>='
    ? ratio >= input.goal.ratio
    : ratio <= input.goal.ratio)
  return { ...input, ratio, pass }
}

function figure(value: number) {
  return value >= 100
    ? Math.round(value).toLocaleString('en-US')
    : value.toFixed(1)
}

/** One row per benchmark, as `pnpm bench` prints it for the API. */
export function formatTable(results: readonly PortalBenchResult[]): string {
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
    `${figure(result.baseline.value)} ${result.unit} (${result.baseline.label})`,
    `${figure(result.candidate.value)} ${result.unit} (${result.candidate.label})`,
    `${result.ratio.toFixed(2)}×`,
    result.goal
      ? `${result.goal.comparison} ${result.goal.ratio}×`
      : 'reported',
    result.pass
      ? 'pass'
      : 'FAIL',
  ])
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map(row => row[column]!.length)))
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()
  return [
    line(header),
    line(widths.map(width => '-'.repeat(width))),
    ...rows.map(line),
  ].join('\n')
}

export const RESULTS_FILE = join(tmpdir(), 'dezky-portal-bench-results.json')

export async function writeResults(results: readonly PortalBenchResult[]): Promise<string> {
  const machine = {
    cores: availableParallelism(),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
  }
  await writeFile(RESULTS_FILE, `${JSON.stringify({
    date: new Date().toISOString(),
    machine,
    results,
  }, null, 2)}\n`)
  return RESULTS_FILE
}
