/**
 * Runs each contestant once per round, in the same order every round (A/B/A/B…), so drift on a noisy
 * machine (another process, CPU throttling, the GC) lands on every side instead of on whichever ran last.
 * Returns each contestant's figure per round.
 */
export async function alternate<K extends string>(rounds: number, contestants: Record<K, () => Promise<number>>): Promise<Record<K, number[]>> {
  const names = Object.keys(contestants) as K[]
  const figures = Object.fromEntries(names.map(name => [name, [] as number[]])) as Record<K, number[]>
  for (let round = 0; round < rounds; round++) {
    for (const name of names)
      figures[name].push(await contestants[name]())
  }
  return figures
}

export function median(values: readonly number[]): number {
  if (!values.length)
    throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** Wall-clock milliseconds of `iterations` sequential calls, each awaited (sync ones too, so loops match). */
export async function timeSequential(iterations: number, call: () => unknown): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < iterations; i++)
    await call()
  return performance.now() - started
}
