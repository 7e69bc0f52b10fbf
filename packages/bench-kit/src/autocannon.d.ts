// autocannon ships no types, and @types/autocannon (7.x) predates the `workers` option; this declares
// only what measure-throughput.ts uses.
declare module 'autocannon' {
  export interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    headers?: Record<string, string>
    method?: string
    body?: string
    /** Fire requests from this many worker threads, leaving the main thread to the servers in it. */
    workers?: number
  }

  export interface Result {
    /** Seconds. */
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    requests: { total: number }
    /** Answers per status code, e.g. `{ 304: { count: 51234 } }`. */
    statusCodeStats: Record<string, { count: number }>
  }

  export default function autocannon(options: Options): Promise<Result>
}
