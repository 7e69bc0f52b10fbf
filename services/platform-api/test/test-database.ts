import type { Database } from '../src/db/client'
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { createDatabase } from '../src/db/client'
import { migrateDatabase } from '../src/db/migrate'

export interface TestDatabase {
  url: string
  db: Database
  drop: () => Promise<void>
}

/** A fresh, migrated database on the run's Postgres server, so test files never see each other's rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('adminDatabaseUrl')
  const name = `dezky_test_${randomBytes(6).toString('hex')}`
  await withAdmin(adminUrl, client => client.query(`create database ${name}`))
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const db = createDatabase({
    url: url.toString(),
    poolMax: 5,
  })
  await migrateDatabase(db)
  return {
    url: url.toString(),
    db,
    drop: async () => {
      await db.$client.end()
      await withAdmin(adminUrl, client => client.query(`drop database if exists ${name} with (force)`))
    },
  }
}

export async function withAdmin<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await run(client)
  }
  finally {
    await client.end()
  }
}
