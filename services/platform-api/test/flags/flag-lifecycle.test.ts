import type { TestApi } from '../test-api'
import { ZAuditEntry, ZFlag, ZFlagListItem, ZPage } from '@dezky/contracts'
import { eq } from 'drizzle-orm'
import pg from 'pg'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { flagSchedules } from '../../src/db/schema'
import { FLAGS_CHANNEL } from '../../src/flags/notify-flags-changed'
import { runDueFlagSchedules } from '../../src/flags/run-due-flag-schedules'
import { expectProblem } from '../expect-problem'
import { createTestApi } from '../test-api'

let api: TestApi
let lead: string
let technician: string
let noc: string

beforeAll(async () => {
  api = await createTestApi({ FLAGS_ENVIRONMENT: 'staging' })
  lead = await api.token(['operator:ops_lead'], { email: 'lead@dezky.test' })
  technician = await api.token(['operator:technician'])
  noc = await api.token(['operator:noc'])
})
afterAll(() => api?.close())

async function create(key: string) {
  const response = await api.request('POST', '/flags', {
    token: lead,
    body: { key, name: key, type: 'release' },
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ZFlag.parse(await response.json())
}

async function read(key: string) {
  const response = await api.request('GET', `/flags/${key}`, { token: noc })
  expect(response.status).toBe(200)
  return ZFlag.parse(await response.json())
}

describe('change announcements', () => {
  it('notifies dezky_flags with the new set version and the key, once the change commits', async () => {
    await create('l.notify')
    const client = new pg.Client({ connectionString: api.database.url })
    await client.connect()
    try {
      const heard: unknown[] = []
      client.on('notification', message => heard.push(JSON.parse(message.payload!)))
      await client.query(`listen ${FLAGS_CHANNEL}`)
      const response = await api.request('PUT', '/flags/l.notify/environments/staging', {
        token: lead,
        body: { state: 'on' },
      })
      expect(response.status).toBe(200)
      const until = Date.now() + 2000
      while (!heard.length && Date.now() < until)
        await new Promise(resolve => setTimeout(resolve, 20))
      const { rows } = await client.query<{ version: string }>('select version from flag_set_version where id = 1')
      // The wire payload of the design: the version as a number (SSE turns it into ZFlagsChangedEvent).
      expect(heard).toEqual([
        {
          version: Number(rows[0]!.version),
          keys: ['l.notify'],
        },
      ])

      // A refused change (400) rolls back: nothing is announced and the version stays.
      heard.length = 0
      await expectProblem(await api.request('PUT', '/flags/l.notify/environments/staging', {
        token: lead,
        body: { state: 'rollout', rolloutPercent: 101 },
      }), 400)
      await new Promise(resolve => setTimeout(resolve, 200))
      expect(heard).toEqual([])
    }
    finally {
      await client.end()
    }
  })
})

describe('kill switch', () => {
  it('kills and restores with a reason, bumping the version each time; the technician may, noc may not', async () => {
    const created = await create('l.kill')
    await expectProblem(await api.request('POST', '/flags/l.kill/kill', {
      token: noc,
      body: { reason: 'Not mine' },
    }), 403)
    await expectProblem(await api.request('POST', '/flags/l.kill/restore', {
      token: technician,
      body: { reason: 'Not killed' },
    }), 409)
    const killed = await api.request('POST', '/flags/l.kill/kill', {
      token: technician,
      body: { reason: 'Incident 42' },
    })
    expect(killed.status).toBe(200)
    const afterKill = ZFlag.parse(await killed.json())
    expect(afterKill.kill).toMatchObject({ reason: 'Incident 42' })
    expect(afterKill.version).toBeGreaterThan(created.version)
    const restored = await api.request('POST', '/flags/l.kill/restore', {
      token: technician,
      body: { reason: 'Fixed' },
    })
    expect(restored.status).toBe(200)
    const afterRestore = ZFlag.parse(await restored.json())
    expect(afterRestore.kill).toBeNull()
    expect(afterRestore.version).toBeGreaterThan(afterKill.version)
  })
})

describe('archive', () => {
  it('hides an archived flag from the list unless asked, keeps it readable, and brings it back', async () => {
    await create('l.archive')
    const deleted = await api.request('DELETE', '/flags/l.archive', { token: lead })
    expect(deleted.status).toBe(200)
    expect(ZFlag.parse(await deleted.json()).archivedAt).not.toBeNull()
    await expectProblem(await api.request('DELETE', '/flags/l.archive', { token: lead }), 409)
    const keysOf = async (query: string) => ZPage(ZFlagListItem).parse(await (await api.request('GET', `/flags?q=l.archive${query}`, { token: noc })).json()).items.map(item => item.key)
    expect(await keysOf('')).toEqual([])
    expect(await keysOf('&archived=only')).toEqual(['l.archive'])
    expect((await read('l.archive')).archivedAt).not.toBeNull()
    const back = await api.request('POST', '/flags/l.archive/unarchive', { token: lead })
    expect(back.status).toBe(200)
    expect(await keysOf('')).toEqual(['l.archive'])
    await expectProblem(await api.request('POST', '/flags/l.archive/unarchive', { token: lead }), 409)
  })
})

describe('schedule cancellation', () => {
  it('cancels a pending schedule, and refuses to cancel one that ran or an unknown one', async () => {
    await create('l.schedule')
    const schedule = (runAt: number) => api.request('POST', '/flags/l.schedule/schedules', {
      token: lead,
      body: {
        environment: 'staging',
        runAt: new Date(runAt).toISOString(),
        change: { state: 'on' },
      },
    })
    expect((await schedule(Date.now() + 3_600_000)).status).toBe(201)
    expect((await schedule(Date.now() + 7_200_000)).status).toBe(201)
    const [first, second] = (await read('l.schedule')).schedules.sort((a, b) => a.id - b.id)

    const cancelled = await api.request('DELETE', `/flags/l.schedule/schedules/${first!.id}`, { token: lead })
    expect(cancelled.status).toBe(200)
    expect(ZFlag.parse(await cancelled.json()).schedules.find(item => item.id === first!.id)?.cancelledAt).not.toBeNull()
    await expectProblem(await api.request('DELETE', `/flags/l.schedule/schedules/${first!.id}`, { token: lead }), 409)

    await api.database.db.update(flagSchedules).set({
      runAt: new Date(Date.now() - 1000),
    }).where(eq(flagSchedules.id, second!.id))
    expect(await runDueFlagSchedules(api.database.db, pino({ level: 'silent' }))).toBe(1)
    const ran = await expectProblem(await api.request('DELETE', `/flags/l.schedule/schedules/${second!.id}`, { token: lead }), 409)
    expect(ran.detail).toMatch(/ran/)
    await expectProblem(await api.request('DELETE', '/flags/l.schedule/schedules/999999', { token: lead }), 404)
    expect((await read('l.schedule')).environments.staging?.state).toBe('on')
  })
})

describe('a flag\'s history', () => {
  it('is the audit log filtered by target, with field diffs', async () => {
    await create('l.history')
    await create('l.other')
    const patched = await api.request('PATCH', '/flags/l.history', {
      token: lead,
      body: { name: 'History' },
    })
    expect(patched.status).toBe(200)
    const response = await api.request('GET', '/audit?targetType=flag&targetId=l.history', { token: noc })
    expect(response.status).toBe(200)
    const { items } = ZPage(ZAuditEntry).parse(await response.json())
    expect(items.map(item => item.action)).toEqual(['flag.update', 'flag.create'])
    expect(items.every(item => item.targetId === 'l.history')).toBe(true)
    expect(items[0]!.changes).toContainEqual({ field: 'name', before: 'l.history', after: 'History' })
    await expectProblem(await api.request('GET', '/audit?targetType=Not%20a%20type', { token: noc }), 400)
  })
})
