import type { Database } from '../src/db/client'
import type { TestApi } from './test-api'
import pino from 'pino'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApp } from '../src/app'
import { createTestApi } from './test-api'

let api: TestApi

beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api?.close())

/** A pool whose reads fail as a dropped connection would, after the route has already answered 200. */
function failingReads(db: Database): Database {
  const chain = {
    from: () => chain,
    where: () => chain,
    orderBy: () => chain,
    limit: () => Promise.reject(new Error('Connection terminated unexpectedly')),
  }
  return new Proxy(db, {
    get: (target, property) => property === 'select'
      ? () => chain
      : Reflect.get(target, property),
  })
}

it('an export whose query fails mid-stream logs the cause and errors the body instead of ending it cleanly', async () => {
  const logged: Record<string, unknown>[] = []
  const logger = pino({ level: 'error' }, {
    write: (line: string) => logged.push(JSON.parse(line)),
  })
  const app = createApp({
    ...api.deps,
    db: failingReads(api.deps.db),
    logger,
  })
  const token = await api.token(['operator:super_admin'])
  const response = await app.fetch(new Request('http://api.test/audit/export?format=csv', {
    headers: { 'authorization': `Bearer ${token}`, 'x-request-id': 'export-1' },
  }))
  expect(response.status).toBe(200)
  await expect(response.text()).rejects.toThrow(/audit export failed/)
  expect(logged).toContainEqual(expect.objectContaining({
    msg: 'audit export failed mid-stream',
    requestId: 'export-1',
    err: expect.objectContaining({ message: 'Connection terminated unexpectedly' }),
  }))
})
