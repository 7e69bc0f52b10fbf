import type { TestDatabase } from '../../test/test-database'
import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../test/test-database'
import { listenChannel } from './listen-channel'

let database: TestDatabase
const logger = pino({ level: 'silent' })

beforeAll(async () => {
  database = await createTestDatabase()
})
afterAll(async () => {
  await database?.drop()
})

describe('listenChannel', () => {
  it('says when LISTEN is in place, and from then on every notification is heard', async () => {
    const heard: string[] = []
    const listener = listenChannel({
      pool: database.db.$client,
      channel: 'dezky_test_ready',
      onNotification: payload => heard.push(payload),
      logger,
      retryMs: 1000,
    })
    try {
      expect(await listener.listening()).toBe(true)
      // No wait between the two: being told it listens is the whole guarantee.
      await database.db.$client.query(`select pg_notify('dezky_test_ready', 'first')`)
      const until = Date.now() + 3000
      while (heard.length === 0 && Date.now() < until)
        await new Promise(resolve => setTimeout(resolve, 5))
      expect(heard).toEqual(['first'])
    }
    finally {
      await listener.close()
    }
  })

  it('says it is not listening when the connection could not be made, and retries', async () => {
    // Port 1 on loopback refuses at once.
    const pool = new pg.Pool({ connectionString: 'postgres://nobody:x@127.0.0.1:1/none', connectionTimeoutMillis: 1000 })
    pool.on('error', () => {})
    const listener = listenChannel({
      pool,
      channel: 'dezky_test_ready',
      onNotification: () => {},
      logger,
      retryMs: 60_000,
    })
    try {
      expect(await listener.listening()).toBe(false)
    }
    finally {
      await listener.close()
      await pool.end()
    }
  })
})
