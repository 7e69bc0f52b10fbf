import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import process from 'node:process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const API_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface FailedAttempt {
  tenantId: string
  step: string
  err: string
}

export interface WorkerProcess {
  pid: number
  /** `step failed` lines the worker logged: each is one failed attempt (retried while attempts remain). */
  failures: () => FailedAttempt[]
  /** Log lines that were not retries (crashes, lost leases), for the test's failure message. */
  oddities: () => string[]
  /** SIGKILL: no shutdown, leases stay held until they expire. */
  kill: () => Promise<void>
  /** SIGTERM: the worker hands back unfinished steps and exits. */
  stop: () => Promise<void>
}

/**
 * Starts `src/worker-main.ts` as its own process, exactly as production runs a separate worker, on
 * this Node (the one vitest runs on) with tsx as a loader. Logs at `warn` come back on stdout as pino
 * JSON; the failed attempts among them are counted.
 */
export function spawnWorker(env: Record<string, string>): WorkerProcess {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/worker-main.ts'], {
    cwd: API_ROOT,
    env: {
      ...process.env,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const failures: FailedAttempt[] = []
  const oddities: string[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const entry = parseLine(line)
    if (entry?.msg === 'step failed') {
      failures.push({
        tenantId: String(entry.tenantId),
        step: String(entry.step),
        err: String(entry.err),
      })
    }
    else if (oddities.length < 50) {
      oddities.push(line.slice(0, 500))
    }
  })
  createInterface({ input: child.stderr! }).on('line', line => oddities.length < 50 && oddities.push(line.slice(0, 500)))
  const exited = once(child, 'exit')
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null)
      child.kill(signal)
    await exited
  }
  return {
    pid: child.pid!,
    failures: () => [...failures],
    oddities: () => [...oddities],
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  }
}

function parseLine(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>
  }
  catch {
    return undefined
  }
}
