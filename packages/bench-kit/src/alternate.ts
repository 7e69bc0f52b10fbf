/**
 * Runs each contestant once per round, in the same order every round (A/B/A/B…), so drift on a noisy
 * machine (another process, CPU throttling, the GC) lands on every side instead of on whichever ran last.
 * Returns each contestant's figure per round; `compare` takes the medians.
 *
 * @example
 * const rounds = await alternate(3, { baseline: () => measureThroughput({ url: a }), candidate: () => measureThroughput({ url: b }) })
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
