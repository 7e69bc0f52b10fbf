import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * The pid of the PostgreSQL server running on `dataDir`, read from its `postmaster.pid` (first line).
 * Postgres deletes that file on a clean shutdown; a stale file from a crash names a dead or reused pid,
 * so on Linux the process must also be a postgres (`/proc/<pid>/comm`).
 */
export async function runningPostmaster(dataDir: string): Promise<number | undefined> {
  const text = await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined)
  const pid = Number(text?.split('\n')[0])
  if (!Number.isSafeInteger(pid) || pid <= 0 || !alive(pid))
    return undefined
  if (process.platform === 'linux') {
    const comm = await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')
    if (!comm.startsWith('postgres'))
      return undefined
  }
  return pid
}

/** Resolves once no postgres runs on `dataDir` any more; false when `timeoutMs` passed first. */
export async function waitForPostmasterExit(dataDir: string, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(100)) {
    if (await runningPostmaster(dataDir) === undefined)
      return true
  }
  return false
}

/**
 * Stops the postgres running on `dataDir`, if any: SIGINT is its "fast shutdown" (roll back open
 * transactions, checkpoint, exit), SIGQUIT the immediate one. Returns the pid it stopped.
 */
export async function stopPostmaster(dataDir: string): Promise<number | undefined> {
  const pid = await runningPostmaster(dataDir)
  if (pid === undefined)
    return undefined
  process.kill(pid, 'SIGINT')
  if (await waitForPostmasterExit(dataDir, 10_000))
    return pid
  process.kill(pid, 'SIGQUIT')
  if (!await waitForPostmasterExit(dataDir, 5000))
    throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} did not stop`)
  return pid
}
