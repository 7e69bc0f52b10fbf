/// <reference path="./autocannon.d.ts" />
// The reference carries the type shim into every program that compiles this source, the suites included.
import autocannon from 'autocannon'
import { alternate } from './alternate'

export interface Load {
  connections: number
  durationSeconds: number
}

/** One measuring round: long enough that connection set-up and JIT warm-up are noise. */
export const LOAD: Load = { connections: 10, durationSeconds: 5 }
/** Run once per side before the rounds, so the first round does not pay for a cold server. */
export const WARMUP: Load = { connections: 10, durationSeconds: 1 }

export interface ThroughputTarget {
  url: string
  headers?: Record<string, string>
  /** GET unless set; a POST sends `body` with every request. */
  method?: 'GET' | 'POST'
  body?: string
  /** The one status every answer must have; without it, any 2xx. A 304 path is measured with 304. */
  status?: number
}

/**
 * Requests per second a server sustains under a closed-loop autocannon load, fired from a worker thread
 * so the load does not share the event loop of any server living in the bench process. A rate made of
 * 401s, redirects (an expired session) or resets would compare the wrong thing, so any failed answer or
 * one with another status than expected (any 2xx by default) voids the figure.
 *
 * @example
 * const perSecond = await measureThroughput({ url: `${apiUrl}/tenants/acme`, headers: { authorization: `Bearer ${token}` } })
 */
export async function measureThroughput(target: ThroughputTarget, load: Load = LOAD): Promise<number> {
  const result = await autocannon({
    url: target.url,
    headers: target.headers ?? {},
    method: target.method ?? 'GET',
    body: target.body,
    connections: load.connections,
    duration: load.durationSeconds,
    workers: 1,
  })
  const unexpected = target.status === undefined
    ? result.non2xx
    : result.requests.total - (result.statusCodeStats[target.status]?.count ?? 0)
  if (result.errors || result.timeouts || unexpected > 0)
    throw new Error(`load on ${target.url}: ${result.errors} errors, ${result.timeouts} timeouts, ${unexpected} answers other than ${target.status ?? '2xx'}`)
  return result.requests.total / result.duration
}

/**
 * Each target warmed up once (`WARMUP`), then measured in alternating rounds (`alternate`, `LOAD`):
 * every round of every target, in req/s.
 *
 * @example
 * const rounds = await throughputRounds(3, { api: { url: apiUrl, headers: auth }, bff: { url: bffUrl, headers: { cookie } } })
 */
export async function throughputRounds<K extends string>(rounds: number, targets: Record<K, ThroughputTarget>): Promise<Record<K, number[]>> {
  const entries = Object.entries(targets) as [K, ThroughputTarget][]
  for (const [, target] of entries)
    await measureThroughput(target, WARMUP)
  return alternate(rounds, Object.fromEntries(entries.map(([name, target]) => [
    name,
    () => measureThroughput(target),
  ])) as Record<K, () => Promise<number>>)
}
