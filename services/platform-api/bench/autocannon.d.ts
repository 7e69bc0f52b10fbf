// autocannon ships no types and @types/autocannon (7.x) predates the `workers` and `warmup` options;
// this declares only what bench/load.ts uses.
declare module 'autocannon' {
  export interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    headers?: Record<string, string>
    /** Fire requests from this many worker threads, leaving the main thread to the server under test. */
    workers?: number
    warmup?: { connections?: number, duration?: number }
  }

  export interface Result {
    /** Seconds. */
    duration: number
    errors: number
    timeouts: number
    non2xx: number
    requests: { total: number, average: number }
    latency: { p50: number, p99: number }
  }

  export default function autocannon(options: Options): Promise<Result>
}
