import type { ProvisioningStack } from '../../test/provisioning/provisioning-stack'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startProvisioningStack } from '../../test/provisioning/provisioning-stack'

/*
 * A real worker provisions into the twins; the OCIS twin fails every call, so the files step fails its
 * attempts and the operators' stream must say so, with the tenant, the step and the upstream's error.
 */

let stack: ProvisioningStack

beforeAll(async () => {
  stack = await startProvisioningStack()
})
afterAll(() => stack?.close())

interface StreamEvent { type: string, data: Record<string, unknown> }

/** Reads until `done`, then `settleMs` longer (to see that nothing more comes), and closes the stream. */
async function readUntil(response: Response, done: (events: StreamEvent[]) => boolean, timeoutMs: number, settleMs = 0): Promise<StreamEvent[]> {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  const events = () => text.split('\n\n').filter(block => block.startsWith('event: ')).map(block => ({
    type: block.slice(7, block.indexOf('\n')),
    data: JSON.parse(block.split('\ndata: ')[1]!.split('\n')[0]!),
  }))
  let deadline = Date.now() + timeoutMs
  let settling = false
  try {
    for (;;) {
      if (!settling && done(events())) {
        settling = true
        deadline = Date.now() + settleMs
      }
      const left = deadline - Date.now()
      if (left <= 0 && settling)
        return events()
      if (left <= 0)
        throw new Error(`timed out; events so far: ${JSON.stringify(events())}`)
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>(resolve => setTimeout(resolve, left, null)),
      ])
      if (chunk?.done)
        throw new Error('stream ended')
      if (chunk)
        text += decoder.decode(chunk.value)
    }
  }
  finally {
    await reader.cancel()
  }
}

describe('the operators\' event stream', () => {
  it('announces each failed provisioning attempt once, with tenant, step and error', async () => {
    const noc = await stack.api.token(['operator:noc'])
    const response = await stack.api.request('GET', '/operator/events', { token: noc })
    expect(response.status).toBe(200)
    // The stream answers at once and its LISTEN connection follows: what happens before it is not news.
    await expect.poll(async () => (await stack.api.database.db.execute(sql`select 1 from pg_stat_activity where datname = current_database() and query = 'listen dezky_provisioning'`)).rows.length, { timeout: 5000, interval: 20 }).toBe(1)
    stack.twins.ocis.setFaults({ errorRate: 1, errorStatus: 503 })
    try {
      stack.startWorker({
        maxAttempts: 2,
        backoff: { baseMs: 100, maxMs: 200 },
      })
      const created = await stack.api.request('POST', '/tenants', {
        token: stack.operator,
        body: {
          slug: 'brittle',
          name: 'Brittle',
          domains: ['brittle.test'],
        },
      })
      expect(created.status).toBe(201)
      const failures = (events: StreamEvent[]) => events.filter(event => event.type === 'provisioning.failed')
      // Settling while the other steps finish (each a notification about the same tenant): no repeats.
      const events = await readUntil(response, events => failures(events).length >= 2, 15_000, 1500)
      const [first, second] = failures(events)
      expect(first!.data).toMatchObject({
        tenantSlug: 'brittle',
        step: 'files',
        attempts: 1,
        retrying: true,
      })
      expect(first!.data.error).toMatch(/503/)
      // A retryable failure past the last attempt is tried again at the next resync: still retrying.
      expect(second!.data).toMatchObject({
        tenantSlug: 'brittle',
        step: 'files',
        attempts: 2,
        retrying: true,
      })
      expect(failures(events)).toHaveLength(2)
    }
    finally {
      stack.twins.ocis.clearFaults()
      await stack.stopWorkers()
    }
  })

  it('announces a step\'s failure again after an operator\'s retry fails with the same attempt count', async () => {
    const noc = await stack.api.token(['operator:noc'])
    const response = await stack.api.request('GET', '/operator/events', { token: noc })
    expect(response.status).toBe(200)
    await expect.poll(async () => (await stack.api.database.db.execute(sql`select 1 from pg_stat_activity where datname = current_database() and query = 'listen dezky_provisioning'`)).rows.length, { timeout: 5000, interval: 20 }).toBe(1)
    stack.twins.ocis.setFaults({ errorRate: 1, errorStatus: 503 })
    try {
      // One attempt each run: a failure rests at attempts 1, and so does the retry's.
      stack.startWorker({ maxAttempts: 1 })
      const created = await stack.api.request('POST', '/tenants', {
        token: stack.operator,
        body: {
          slug: 'fragile',
          name: 'Fragile',
          domains: ['fragile.test'],
        },
      })
      expect(created.status).toBe(201)
      const failures = (events: StreamEvent[]) => events.filter(event => event.type === 'provisioning.failed' && event.data.tenantSlug === 'fragile')
      let retried = false
      const events = await readUntil(response, (events) => {
        if (failures(events).length >= 1 && !retried) {
          retried = true
          void stack.api.request('POST', '/tenants/fragile/provisioning/files/retry', { token: stack.operator })
        }
        return failures(events).length >= 2
      }, 15_000)
      expect(failures(events).map(event => event.data)).toMatchObject([
        { step: 'files', attempts: 1 },
        { step: 'files', attempts: 1 },
      ])
    }
    finally {
      stack.twins.ocis.clearFaults()
      await stack.stopWorkers()
    }
  })
})
