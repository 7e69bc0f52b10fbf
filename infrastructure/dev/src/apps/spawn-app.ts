import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { prefixLines } from './prefix-lines'

export interface SpawnAppOptions {
  name: string
  command: string
  args: string[]
  cwd: string
  env: NodeJS.ProcessEnv
  /** Receives every output line, already prefixed with the app's name. */
  write: (line: string) => void
  prefix?: string
}

export interface AppProcess {
  name: string
  pid: number
  /** Resolves with the exit code (null when killed by a signal) once the app's main process ends. */
  exited: Promise<number | null>
  stop: () => Promise<void>
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  }
  catch {
    return false
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  }
  catch {}
}

/**
 * Spawns an app in its own process group. `nuxt dev` forks a worker and Vite starts more processes;
 * killing the group reaches all of them, and a Ctrl-C in the terminal reaches only the stack, which
 * then stops the apps in order instead of racing them.
 */
export function spawnApp({ name, command, args, cwd, env, write, prefix = `[${name}]` }: SpawnAppOptions): AppProcess {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (child.pid === undefined)
    throw new Error(`${name}: could not start ${command}`)
  const pid = child.pid
  prefixLines(child.stdout, prefix, write)
  prefixLines(child.stderr, prefix, write)
  const exited = new Promise<number | null>((resolve) => {
    child.once('error', (error) => {
      write(`${prefix} ${error.message}`)
      resolve(null)
    })
    child.once('exit', code => resolve(code))
  })

  return {
    name,
    pid,
    exited,
    async stop() {
      signalGroup(pid, 'SIGTERM')
      for (let waited = 0; waited < 5000 && groupAlive(pid); waited += 100)
        await sleep(100)
      if (groupAlive(pid)) {
        write(`${prefix} still running 5 s after SIGTERM: killing it`)
        signalGroup(pid, 'SIGKILL')
      }
      await exited
    },
  }
}
