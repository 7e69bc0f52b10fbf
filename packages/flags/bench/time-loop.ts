/**
 * Nanoseconds per call of a synchronous function over `iterations` calls. bench-kit's timeSequential
 * awaits every call, which would add a microtask to a sub-microsecond evaluation and swamp it; this
 * loop stays synchronous. The calls' answers are summed and returned so the work cannot be optimised
 * away, and so contestants can be checked to agree.
 */
export function timeLoop(iterations: number, call: (index: number) => number): { nanoseconds: number, total: number } {
  let total = 0
  const started = process.hrtime.bigint()
  for (let index = 0; index < iterations; index++)
    total += call(index)
  return { nanoseconds: Number(process.hrtime.bigint() - started) / iterations, total }
}
