import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { access, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export interface AppServerOptions {
  /** The app's package directory, holding the production build in `.output/`. */
  appDir: string
  /** Working directory of the server: nuxt-oidc-auth keeps the encrypted tokens in `./.data/oidc` there. */
  storageDir: string
  env: Record<string, string>
  /** Answers (any status) once the server is up. */
  readyUrl: string
  label: string
}

export interface AppServer {
  /** Stops the server and starts it again with the same environment and storage: sessions survive. */
  restart: () => Promise<void>
  stop: () => Promise<void>
}

const READY_TIMEOUT_MS = 30_000
const STOP_GRACE_MS = 5_000

async function waitUntilAnswering(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the app exited with code ${child.exitCode} before answering ${url}`)
    try {
      await fetch(url, {
        signal: AbortSignal.timeout(1000),
      })
      return
    }
    catch {
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  }
  throw new Error(`the app did not answer ${url} within ${READY_TIMEOUT_MS / 1000} s`)
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null)
    return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const killer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS)
  await exited
  clearTimeout(killer)
}

/**
 * Runs the app's built Nitro server (`node .output/server/index.mjs`, as production does) in a child
 * process the stack owns, so a test can restart it. Its stderr goes to the runner's, line by line.
 *
 * @example
 * const app = await startAppServer({ appDir, storageDir, env: { PORT: '3300' }, readyUrl: 'http://localhost:3300/', label: 'stock' })
 * await app.restart()
 * await app.stop()
 */
export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const entry = join(options.appDir, '.output', 'server', 'index.mjs')
  await access(entry).catch(() => {
    throw new Error(`${entry} is missing: build the app first (its \`test\` script does)`)
  })
  await mkdir(options.storageDir, { recursive: true })

  const launch = async () => {
    const child = spawn(process.execPath, [entry], {
      cwd: options.storageDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ...options.env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    createInterface({ input: child.stderr! }).on('line', line => console.error(`[${options.label}] ${line}`))
    try {
      await waitUntilAnswering(options.readyUrl, child)
    }
    catch (error) {
      await stopChild(child)
      throw error
    }
    return child
  }

  let child = await launch()
  return {
    async restart() {
      await stopChild(child)
      child = await launch()
    },
    stop: () => stopChild(child),
  }
}
