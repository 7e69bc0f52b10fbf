import type { BenchResult } from './compare'

export interface FormatTableOptions {
  /** Name each side in its cell, `6,126 req/s (API directly)`, where the row's name does not say it. */
  labels?: boolean
}

/**
 * The table a suite prints: one row per result (medians, ratio, goal or `reported`, pass or FAIL with
 * any checks), columns padded to their widest cell, then one line per note.
 *
 * @example
 * console.log(formatTable(results, { labels: true }))
 */
export function formatTable(results: readonly BenchResult[], options: FormatTableOptions = {}): string {
  const header = [
    'benchmark',
    'baseline',
    'candidate',
    'ratio',
    'goal',
    'result',
  ]
  const side = (result: BenchResult, which: 'baseline' | 'candidate') => {
    const cell = `${figure(result[which].median)} ${result.unit}`
    return options.labels
      ? `${cell} (${result[which].label})`
      : cell
  }
  const rows = results.map(result => [
    result.name,
    side(result, 'baseline'),
    side(result, 'candidate'),
    `${result.ratio.toFixed(2)}×`,
    result.goal
      ? `${result.goal.comparison} ${result.goal.ratio}×`
      : 'reported',
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

/** Whole numbers from 100 up (with thousands separators), one decimal below. */
function figure(value: number): string {
  return value >= 100
    ? Math.round(value).toLocaleString('en-US')
    : value.toFixed(1)
}
