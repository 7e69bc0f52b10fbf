import { createServer } from 'node:net'

/**
 * A loopback port nobody listens on right now, for servers that tests and benchmarks start. (Another
 * process could take it before the caller listens; on a test machine that is rare enough.)
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
