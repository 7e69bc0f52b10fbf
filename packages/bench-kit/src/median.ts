/**
 * The middle value (the mean of the two middle ones for an even count): one slow round, from another
 * process on a shared machine, does not move it.
 *
 * @example
 * median([3, 1, 100]) // 3
 */
export function median(values: readonly number[]): number {
  if (!values.length)
    throw new Error('median of no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? sorted[middle]!
    : (sorted[middle - 1]! + sorted[middle]!) / 2
}
