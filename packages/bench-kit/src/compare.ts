import { median } from './median'

export interface Side {
  label: string
  median: number
  rounds: number[]
}

export interface Goal {
  comparison: '>=' | '<='
  ratio: number
}

/** A figure measured in the same rounds that explains a result without deciding it. */
export interface Note extends Side {
  /** This figure's median / the baseline's median. */
  ratio: number
}

export interface BenchResult {
  name: string
  unit: string
  baseline: Side
  candidate: Side
  /** candidate median / baseline median. */
  ratio: number
  /** The ratio an issue asks for; absent for a row that is only reported. */
  goal?: Goal
  pass: boolean
  /** Figures that are not ratios but still decide a pass, e.g. JWKS fetches during the loop. */
  checks?: Record<string, number>
  notes?: Note[]
}

export interface CompareInput {
  name: string
  unit: string
  labels: { baseline: string, candidate: string }
  rounds: { baseline: number[], candidate: number[] }
  goal?: Goal
  checks?: Record<string, number>
  /** Whether the checks hold; a result passes only when they do and the ratio meets the goal. */
  checksPass?: boolean
  notes?: { label: string, rounds: number[] }[]
}

/**
 * Turns the rounds of two sides into one row: each side's median and the ratio between them, checked
 * against the goal when there is one (a reported row passes unless its checks fail).
 *
 * @example
 * compare({ name: 'BFF vs API', unit: 'req/s', labels, rounds: { baseline: [100], candidate: [70] }, goal: { comparison: '>=', ratio: 0.6 } })
 * // → ratio 0.7, pass true
 */
export function compare(input: CompareInput): BenchResult {
  const baseline = median(input.rounds.baseline)
  const candidate = median(input.rounds.candidate)
  const ratio = candidate / baseline
  return {
    name: input.name,
    unit: input.unit,
    baseline: { label: input.labels.baseline, median: baseline, rounds: input.rounds.baseline },
    candidate: { label: input.labels.candidate, median: candidate, rounds: input.rounds.candidate },
    ratio,
    goal: input.goal,
    pass: meetsGoal(ratio, input.goal) && (input.checksPass ?? true),
    checks: input.checks,
    notes: input.notes?.map(note => ({
      label: note.label,
      median: median(note.rounds),
      rounds: note.rounds,
      ratio: median(note.rounds) / baseline,
    })),
  }
}

/**
 * Rows from contestants measured in the same rounds, each a pair picked by name: one measurement gives
 * several rows (the BFF against the API, the bare proxy against the API, the BFF against the proxy).
 *
 * @example
 * const row = comparePairs(rounds, { api: 'API directly', bff: 'through the BFF' }, 'req/s')
 * row('BFF vs the API', 'api', 'bff', { comparison: '>=', ratio: 0.6 })
 */
export function comparePairs<K extends string>(rounds: Record<K, number[]>, labels: Record<K, string>, unit: string) {
  return (name: string, baseline: K, candidate: K, goal?: Goal): BenchResult => compare({
    name,
    unit,
    labels: { baseline: labels[baseline], candidate: labels[candidate] },
    rounds: { baseline: rounds[baseline], candidate: rounds[candidate] },
    goal,
  })
}

function meetsGoal(ratio: number, goal: Goal | undefined): boolean {
  if (!goal)
    return true
  return goal.comparison === '>='
    ? ratio >= goal.ratio
    : ratio <= goal.ratio
}
