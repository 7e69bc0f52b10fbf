import type { TestDatabase } from '../../test/test-database'
import type { Database } from '../db/client'
import { sql } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createTestDatabase } from '../../test/test-database'
import { createDatabase } from '../db/client'
import { flagConfigs, flags } from '../db/schema'
import { notifyFlagsChanged } from '../flags/notify-flags-changed'
import { createFlagCache } from './flag-cache'

/*
 * The staleness bound of docs/flags.md: a change committed by one process is evaluated by every other
 * within 1 s — by NOTIFY in milliseconds, and by the version poll when the notification was missed.
 * The "other process" is a cache on its own connection pool, as in another API process.
 */

let database: TestDatabase
let otherPool: Database
const logger = pino({ level: 'silent' })

beforeAll(async () => {
  database = await createTestDatabase()
  otherPool = createDatabase({ url: database.url, poolMax: 3 })
  await database.db.insert(flags).values({ key: 'bound.flag', name: 'Bound', type: 'release' })
})
afterAll(async () => {
  await otherPool?.$client.end()
  await database?.drop()
})

async function setState(state: 'on' | 'off', notify: boolean) {
  await database.db.transaction(async (tx) => {
    await tx.insert(flagConfigs).values({ flagKey: 'bound.flag', environment: 'development', state }).onConflictDoUpdate({
      target: [flagConfigs.flagKey, flagConfigs.environment],
      set: { state },
    })
    if (notify)
      await notifyFlagsChanged(tx, ['bound.flag'])
    // A change whose NOTIFY is lost: the version moves, nobody is told.
    else
      await tx.execute(sql`update flag_set_version set version = version + 1 where id = 1`)
  })
}

const opened: ReturnType<typeof createFlagCache>[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map(cache => cache.close()))
})

/** A cache as another API process would hold it: its own pool, its own LISTEN connection. */
function cacheOnOtherPool(pollMs: number) {
  const cache = createFlagCache({
    db: otherPool,
    logger,
    environment: 'development',
    pollMs,
  })
  opened.push(cache)
  return cache
}

/** How long until the cache evaluates the flag as `value`, polling every 5 ms. */
async function timeUntil(cache: ReturnType<typeof createFlagCache>, value: boolean, limitMs = 3000): Promise<number> {
  const started = performance.now()
  while (performance.now() - started < limitMs) {
    const { set } = await cache.current()
    if (set.evaluate('bound.flag', {})?.value === value)
      return performance.now() - started
    await new Promise(resolve => setTimeout(resolve, 5))
  }
  return Number.POSITIVE_INFINITY
}

describe('flag cache staleness', () => {
  it('sees a change another process commits within 1 s, by NOTIFY', async () => {
    const cache = cacheOnOtherPool(60_000)
    expect((await cache.current()).set.evaluate('bound.flag', {})?.value).toBe(false)
    // Once LISTEN is in place the NOTIFY is what delivers (the poll is a minute away).
    expect(await cache.listening()).toBe(true)
    const timings: number[] = []
    for (const state of ['on', 'off', 'on'] as const) {
      await setState(state, true)
      timings.push(await timeUntil(cache, state === 'on'))
    }
    expect(Math.max(...timings)).toBeLessThan(1000)
  })

  it('sees a change whose NOTIFY was lost within 1 s, by the version poll', async () => {
    const cache = cacheOnOtherPool(500)
    const before = (await cache.current()).set.evaluate('bound.flag', {})!.value
    await setState(before ? 'off' : 'on', false)
    const elapsed = await timeUntil(cache, !before)
    expect(elapsed).toBeLessThan(1000)
  })

  it('announces each committed change to subscribers once, with its keys', async () => {
    const cache = cacheOnOtherPool(60_000)
    const heard: { version: string, keys: string[] }[] = []
    const stop = cache.subscribe(event => heard.push(event))
    await cache.current()
    expect(await cache.listening()).toBe(true)
    await setState('off', true)
    const until = Date.now() + 2000
    while (heard.length === 0 && Date.now() < until)
      await new Promise(resolve => setTimeout(resolve, 10))
    expect(heard).toEqual([
      {
        version: expect.any(String),
        keys: ['bound.flag'],
      },
    ])
    const [row] = await database.db.execute<{ version: string }>(sql`select version from flag_set_version where id = 1`).then(result => result.rows)
    expect(heard[0]!.version).toBe(String(row!.version))
    stop()
  })
})

describe('flag cache announcements', () => {
  it('announces a change only once the set holds it, even when it lands during a load', async () => {
    const cache = cacheOnOtherPool(60_000)
    const seen: { announced: number, held: number, value: boolean | undefined }[] = []
    const stop = cache.subscribe((event) => {
      void cache.current().then(({ version, set }) => seen.push({
        announced: Number(event.version),
        held: version,
        value: set.evaluate('bound.flag', {})?.value,
      }))
    })
    await cache.current()
    expect(await cache.listening()).toBe(true)
    // Each change lands while the previous one's reload may still be running.
    for (const state of ['on', 'off', 'on', 'off', 'on'] as const)
      await setState(state, true)
    const until = Date.now() + 3000
    while (!seen.some(entry => entry.value === true && entry.held >= Math.max(...seen.map(s => s.announced))) && Date.now() < until)
      await new Promise(resolve => setTimeout(resolve, 10))
    expect(seen.length).toBeGreaterThan(0)
    for (const entry of seen)
      expect(entry.held, JSON.stringify(seen)).toBeGreaterThanOrEqual(entry.announced)
    expect(seen.at(-1)!.value).toBe(true)
    stop()
  })
})
