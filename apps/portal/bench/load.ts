import autocannon from 'autocannon'

export interface Load {
  connections: number
  durationSeconds: number
}

export const LOAD: Load = { connections: 10, durationSeconds: 5 }
export const WARMUP: Load = { connections: 10, durationSeconds: 1 }

/**
 * Requests per second a server sustains under a closed-loop autocannon load, fired from a worker thread
 * so the load does not share the event loop of the API and twins living in this process. Any failed or
 * non-2xx answer (an expired session answers with a redirect) voids the figure.
 */
export async function measureThroughput(url: string, headers: Record<string, string>, load: Load = LOAD): Promise<number> {
  const result = await autocannon({
    url,
    headers,
    connections: load.connections,
    duration: load.durationSeconds,
    workers: 1,
  })
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(`load on ${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`)
  return result.requests.total / result.duration
}

/**
 * Each contestant once per round, in the same order every round, so drift on a noisy two-core machine
 * lands on both sides instead of on whichever ran last. Returns each one's median.
 */
export async function alternate<K extends string>(rounds: number, contestants: Record<K, () => Promise<number>>): Promise<Record<K, number>> {
  const names = Object.keys(contestants) as K[]
  const figures = Object.fromEntries(names.map(name => [name, [] as number[]])) as Record<K, number[]>
  for (let round = 0; round < rounds; round++) {
    for (const name of names)
      figures[name].push(await contestants[name]())
  }
  return Object.fromEntries(names.map(name => [
    name,
    median(figures[name]),
  ])) as Record<K, number>
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2
}
