import autocannon from 'autocannon'

export interface LoadOptions {
  connections: number
  durationSeconds: number
}

/**
 * Requests per second one server sustains under a closed-loop autocannon load. The load runs in a worker
 * thread so it does not share the event loop of the server it measures (both live in this process).
 */
export async function measureThroughput(url: string, headers: Record<string, string>, options: LoadOptions): Promise<number> {
  const result = await autocannon({
    url,
    headers,
    connections: options.connections,
    duration: options.durationSeconds,
    workers: 1,
  })
  // A rate made of 401s or resets would compare the wrong thing, so any failed request voids the run.
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(`load on ${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers`)
  return result.requests.total / result.duration
}
