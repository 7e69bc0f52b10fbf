import type { TestProject } from 'vitest/node'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort } from '@dezky/twins'
import { startEmbeddedPostgres } from '../src/db/embedded'

declare module 'vitest' {
  export interface ProvidedContext {
    adminDatabaseUrl: string
  }
}

/**
 * One PostgreSQL server for the whole run: DATABASE_URL when set (CI or a developer's own server), else an
 * embedded PostgreSQL 18 in a temp dir. Each test file then makes its own database on it.
 */
export default async function setup(project: TestProject) {
  if (process.env.DATABASE_URL) {
    project.provide('adminDatabaseUrl', process.env.DATABASE_URL)
    return
  }
  const dir = await mkdtemp(join(tmpdir(), 'dezky-pg-'))
  const server = await startEmbeddedPostgres({
    dataDir: join(dir, 'data'),
    port: await freePort(),
    database: 'postgres',
  })
  project.provide('adminDatabaseUrl', server.url)
  return async () => {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
}
