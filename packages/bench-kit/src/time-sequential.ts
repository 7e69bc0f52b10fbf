/** Wall-clock milliseconds of `iterations` sequential calls, each awaited (sync ones too, so loops match). */
export async function timeSequential(iterations: number, call: () => unknown): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < iterations; i++)
    await call()
  return performance.now() - started
}
