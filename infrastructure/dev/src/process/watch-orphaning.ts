import { readFileSync } from 'node:fs'

/** The process group id from /proc (Linux); undefined elsewhere. */
function processGroup(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8')
    // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(fields[2])
  }
  catch {
    return undefined
  }
}

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
 * Calls `onOrphaned` once this process has lost its parent or the leader of its process group.
 * `npm start` reaches this process through a dozen shells and wrappers; a signal sent to npm's pid
 * alone (a supervisor's SIGTERM) stops npm and the first shell, which do not pass it on. Without this
 * watch the stack would keep running, orphaned, holding its ports and Postgres.
 */
export function watchOrphaning(onOrphaned: (reason: string) => void, intervalMs = 1000): () => void {
  const parent = process.ppid
  const group = processGroup()
  const leads = group === undefined || group === process.pid
  const timer = setInterval(() => {
    if (process.ppid !== parent)
      onOrphaned('parent process gone')
    else if (!leads && !alive(group!))
      onOrphaned(`process group leader ${group} gone`)
    else
      return
    clearInterval(timer)
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
