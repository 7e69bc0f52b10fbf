import type { Readable } from 'node:stream'
import { createInterface } from 'node:readline'

/** Writes each line of `stream` with `prefix` in front, so interleaved output still says who wrote it. */
export function prefixLines(stream: Readable, prefix: string, write: (line: string) => void): void {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', line => write(`${prefix} ${line}`))
}
