import type { TFlag, TOfrepBulkEvaluationSuccess, TTenantFlags } from '@dezky/contracts'
import type { Fixture } from '../fixtures'
import type { TestApi } from '../test-api'
import { ZFlag, ZOfrepBulkEvaluationFailure, ZOfrepBulkEvaluationSuccess, ZOfrepEvaluationFailure, ZOfrepEvaluationSuccess, ZTenantFlags } from '@dezky/contracts'
import { eq, sql } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, flagEvaluationCounts, flags, flagSchedules, users } from '../../src/db/schema'
import { runDueFlagSchedules } from '../../src/flags/run-due-flag-schedules'
import { expectProblem } from '../expect-problem'
import { addMember, seedFixture } from '../fixtures'
import { createTestApi } from '../test-api'

let api: TestApi
let fixture: Fixture
let lead: string
let technician: string
let noc: string
/** An acme member with a user row, so user overrides reach them. */
let acmeMember: { token: string, userId: string }
let globexOwner: string
let nimbusAgent: string

beforeAll(async () => {
  api = await createTestApi({ FLAGS_ENVIRONMENT: 'staging', FLAG_COUNTS_FLUSH_SECONDS: '3600' })
  fixture = await seedFixture(api.database.db)
  lead = await api.token(['operator:ops_lead'], { email: 'lead@dezky.test' })
  technician = await api.token(['operator:technician'])
  noc = await api.token(['operator:noc'])
  const userId = await addMember(api.database.db, fixture.tenants.acme.id, 'member')
  await api.database.db.update(users).set({ subject: 'acme-member-subject' }).where(eq(users.id, userId))
  acmeMember = { token: await api.token(['tenant:acme:member'], { sub: 'acme-member-subject' }), userId }
  globexOwner = await api.token(['tenant:globex:owner'])
  nimbusAgent = await api.token(['partner:nimbus:partner_agent'])
})
afterAll(() => api?.close())

async function create(key: string, type = 'release', extra: Record<string, unknown> = {}): Promise<TFlag> {
  const response = await api.request('POST', '/flags', {
    token: lead,
    body: { key, name: key, type, ...extra },
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ZFlag.parse(await response.json())
}

async function rule(key: string, body: Record<string, unknown>, environment = 'staging') {
  const response = await api.request('PUT', `/flags/${key}/environments/${environment}`, { token: lead, body })
  expect(response.status, await response.clone().text()).toBe(200)
  return ZFlag.parse(await response.json())
}

async function bulk(token: string, context: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return api.request('POST', '/ofrep/v1/evaluate/flags', {
    token,
    body: { context },
    headers,
  })
}

async function valueOf(token: string, key: string, context: Record<string, unknown> = {}) {
  const response = await api.request('POST', `/ofrep/v1/evaluate/flags/${key}`, {
    token,
    body: { context },
  })
  expect(response.status, await response.clone().text()).toBe(200)
  return ZOfrepEvaluationSuccess.parse(await response.json())
}

/**
 * The cache hears the change by NOTIFY; wait until this process's evaluation reflects it (generous: CI is
 * loaded). A check that throws is tried again: until the cache has loaded a flag just created, evaluating
 * it answers 404 and `valueOf` fails its status check. The last error is what a timeout reports.
 */
async function eventually(check: () => Promise<boolean>, ms = 5000) {
  const until = Date.now() + ms
  let lastError: unknown
  while (Date.now() <= until) {
    try {
      if (await check())
        return
    }
    catch (error) {
      lastError = error
    }
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  throw lastError ?? new Error('not reflected in time')
}

describe('flag management', () => {
  it('creates a flag off everywhere, audited, and refuses a taken key, a bad key and unknown dependencies', async () => {
    const flag = await create('t.create')
    expect(flag).toMatchObject({
      key: 't.create',
      environments: {},
      overrides: [],
      kill: null,
      version: 1,
    })
    await expectProblem(await api.request('POST', '/flags', {
      token: lead,
      body: { key: 't.create', name: 'x', type: 'release' },
    }), 409)
    await expectProblem(await api.request('POST', '/flags', {
      token: lead,
      body: { key: 'Bad Key', name: 'x', type: 'release' },
    }), 400)
    await expectProblem(await api.request('POST', '/flags', {
      token: lead,
      body: {
        key: 't.orphan',
        name: 'x',
        type: 'release',
        dependencies: [
          { feature: 'nope' },
        ],
      },
    }), 400)
    const [entry] = await api.database.db.select().from(auditLog).where(eq(auditLog.targetId, 't.create'))
    expect(entry).toMatchObject({ action: 'flag.create', targetType: 'flag' })
  })

  it('refuses a dependency circle', async () => {
    await create('t.parent')
    await create('t.child', 'release', {
      dependencies: [
        { feature: 't.parent' },
      ],
    })
    const response = await api.request('PATCH', '/flags/t.parent', {
      token: lead,
      body: {
        dependencies: [
          { feature: 't.child' },
        ],
      },
    })
    await expectProblem(response, 400, { title: 'Invalid dependency' })
  })

  it('changes only the fields a PATCH sends: tags and dependencies survive a new description', async () => {
    await create('t.patch-parent')
    await create('t.patch', 'release', {
      tags: ['billing'],
      dependencies: [
        { feature: 't.patch-parent' },
      ],
    })
    const response = await api.request('PATCH', '/flags/t.patch', {
      token: lead,
      body: { description: 'Shown on the dashboard' },
    })
    expect(response.status, await response.clone().text()).toBe(200)
    expect(ZFlag.parse(await response.json())).toMatchObject({
      name: 't.patch',
      description: 'Shown on the dashboard',
      tags: ['billing'],
      dependencies: [
        { feature: 't.patch-parent', enabled: true },
      ],
    })
  })

  it('applies a PATCH only to the version the editor saw (If-Match → 412)', async () => {
    const flag = await create('t.ifmatch')
    const first = await api.request('PATCH', '/flags/t.ifmatch', {
      token: lead,
      body: { name: 'First' },
      headers: { 'if-match': `"${flag.version}"` },
    })
    expect(first.status).toBe(200)
    const stale = await api.request('PATCH', '/flags/t.ifmatch', {
      token: lead,
      body: { name: 'Second' },
      headers: { 'if-match': `"${flag.version}"` },
    })
    await expectProblem(stale, 412)
    expect((await (await api.request('GET', '/flags/t.ifmatch', { token: noc })).json()).name).toBe('First')
  })

  it('validates rules: unknown segments, bad patterns and numbers are 400 with their paths', async () => {
    await create('t.rules')
    const response = await api.request('PUT', '/flags/t.rules/environments/staging', {
      token: lead,
      body: {
        state: 'targeted',
        strategies: [
          {
            name: 'default',
            segments: [99999],
            constraints: [
              { contextName: 'email', operator: 'REGEX', value: '(unclosed' },
              { contextName: 'seats', operator: 'NUM_GT', value: 'many' },
            ],
          },
        ],
      },
    })
    const problem = await expectProblem(response, 400)
    expect(problem.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'strategies.0.constraints.0.value',
      'strategies.0.constraints.1.value',
      'strategies.0.segments.0',
    ])
    await expectProblem(await api.request('PUT', '/flags/t.rules/environments/moon', {
      token: lead,
      body: { state: 'on' },
    }), 404)
  })

  it('records rule changes as field diffs per environment', async () => {
    await create('t.diff')
    await rule('t.diff', { state: 'rollout', rolloutPercent: 20 })
    await rule('t.diff', { state: 'rollout', rolloutPercent: 40 })
    const [entry] = await api.database.db.select().from(auditLog).where(eq(auditLog.targetId, 't.diff')).orderBy(sql`seq desc`).limit(1)
    expect(entry!.action).toBe('flag.rule_update')
    expect(entry!.changes).toEqual([
      {
        field: 'staging',
        before: expect.objectContaining({ rolloutPercent: 20 }),
        after: expect.objectContaining({ rolloutPercent: 40 }),
      },
    ])
  })

  it('keeps noc, partners and customers out of flag management', async () => {
    await expectProblem(await api.request('POST', '/flags/t.create/kill', {
      token: noc,
      body: { reason: 'not allowed' },
    }), 403)
    await expectProblem(await api.request('PUT', '/flags/t.create/environments/staging', {
      token: technician,
      body: { state: 'on' },
    }), 403)
    for (const token of [globexOwner, nimbusAgent, acmeMember.token]) {
      await expectProblem(await api.request('GET', '/flags', { token }), 403)
      await expectProblem(await api.request('GET', '/flags/t.create', { token }), 403)
      await expectProblem(await api.request('GET', '/tenants/acme/flags', { token }), token === globexOwner
        ? 404
        : 403)
    }
  })

  it('refuses to delete a segment a rule uses, naming the flag', async () => {
    const segment = await (await api.request('POST', '/flag-segments', {
      token: lead,
      body: {
        name: 'Paying',
        constraints: [
          {
            contextName: 'plan',
            operator: 'IN',
            values: ['business', 'enterprise'],
          },
        ],
      },
    })).json()
    await create('t.segmented')
    await rule('t.segmented', {
      state: 'targeted',
      strategies: [
        {
          name: 'default',
          segments: [segment.id],
        },
      ],
    })
    const problem = await expectProblem(await api.request('DELETE', `/flag-segments/${segment.id}`, { token: lead }), 409)
    expect(problem.detail).toContain('t.segmented')
  })
})

describe('oFREP evaluation', () => {
  it('answers the bulk shape with every live flag, an ETag, and 304 for the same tag', async () => {
    await create('o.on')
    await rule('o.on', { state: 'on' })
    const response = await bulk(acmeMember.token)
    expect(response.status).toBe(200)
    const body = ZOfrepBulkEvaluationSuccess.parse(await response.json())
    expect(body.flags.find(flag => flag.key === 'o.on')).toMatchObject({ value: true, reason: 'STATIC', variant: 'on' })
    const etag = response.headers.get('etag')!
    expect(etag).toMatch(/^"\d+-[\w-]+"$/)
    const again = await bulk(acmeMember.token, {}, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // Another context is another answer.
    expect((await bulk(acmeMember.token, { appName: 'other' }, { 'if-none-match': etag })).status).toBe(200)
  })

  // The 1 s bound itself is measured in src/flag-evaluation/flag-cache.test.ts, away from this file's load.
  it('changes the ETag when any flag changes', async () => {
    const first = await bulk(acmeMember.token)
    const etag = first.headers.get('etag')!
    await rule('o.on', { state: 'off' })
    await eventually(async () => (await bulk(acmeMember.token, {}, { 'if-none-match': etag })).status === 200)
    expect((await valueOf(acmeMember.token, 'o.on')).value).toBe(false)
  })

  it('answers OFREP errors in OFREP shapes', async () => {
    const parse = await api.request('POST', '/ofrep/v1/evaluate/flags', {
      token: acmeMember.token,
      body: '{"context":',
      headers: { 'content-type': 'application/json' },
    })
    expect(parse.status).toBe(400)
    expect(ZOfrepBulkEvaluationFailure.parse(await parse.json()).errorCode).toBe('PARSE_ERROR')
    const invalid = await api.request('POST', '/ofrep/v1/evaluate/flags', {
      token: acmeMember.token,
      body: { context: 'acme' },
    })
    expect(ZOfrepBulkEvaluationFailure.parse(await invalid.json()).errorCode).toBe('INVALID_CONTEXT')
    const missing = await api.request('POST', '/ofrep/v1/evaluate/flags/no.such.flag', {
      token: acmeMember.token,
      body: { context: {} },
    })
    expect(missing.status).toBe(404)
    expect(ZOfrepEvaluationFailure.parse(await missing.json())).toMatchObject({ key: 'no.such.flag', errorCode: 'FLAG_NOT_FOUND' })
    const anonymous = await api.request('POST', '/ofrep/v1/evaluate/flags', {
      body: { context: {} },
    })
    expect(anonymous.status).toBe(401)
  })

  it('takes who the caller is from the token: another tenant is refused, a sent userId or tenant is ignored', async () => {
    await create('o.acme-only')
    await rule('o.acme-only', {
      state: 'targeted',
      strategies: [
        {
          name: 'default',
          constraints: [
            {
              contextName: 'tenant',
              operator: 'IN',
              values: ['acme'],
            },
          ],
        },
      ],
    })
    await eventually(async () => (await valueOf(acmeMember.token, 'o.acme-only')).value)
    await expectProblem(await bulk(acmeMember.token, { tenant: 'globex' }), 403)
    await expectProblem(await bulk(acmeMember.token, { tenant: 'nonexistent' }), 403)
    // globex's owner cannot pose as acme through a property either.
    expect((await valueOf(globexOwner, 'o.acme-only', {
      properties: { tenant: 'acme' },
      userId: acmeMember.userId,
    })).value).toBe(false)
    // A partner evaluates for its customer when it names it.
    expect((await valueOf(nimbusAgent, 'o.acme-only', { tenant: 'acme' })).value).toBe(true)
    await expectProblem(await bulk(nimbusAgent, { tenant: 'globex' }), 403)
  })

  it('applies user > tenant > partner overrides, and the kill switch over all of them', async () => {
    await create('o.scoped')
    await rule('o.scoped', { state: 'off' })
    const override = (scope: string, id: string, value: boolean) => api.request('PUT', `/flags/o.scoped/overrides/staging/${scope}/${id}`, {
      token: lead,
      body: { value },
    })
    expect((await override('partner', 'nimbus', true)).status).toBe(200)
    await eventually(async () => (await valueOf(acmeMember.token, 'o.scoped')).value)
    expect(await valueOf(acmeMember.token, 'o.scoped')).toMatchObject({
      reason: 'TARGETING_MATCH',
      metadata: { decision: 'override', scope: 'partner' },
    })
    await override('tenant', 'acme', false)
    await eventually(async () => !(await valueOf(acmeMember.token, 'o.scoped')).value)
    await override('user', acmeMember.userId, true)
    await eventually(async () => (await valueOf(acmeMember.token, 'o.scoped')).metadata?.scope === 'user')
    expect((await valueOf(acmeMember.token, 'o.scoped')).value).toBe(true)
    // globex is not nimbus's: none of it applies there.
    expect((await valueOf(globexOwner, 'o.scoped')).value).toBe(false)
    await expectProblem(await override('tenant', 'no-such-tenant', true), 404)
    await expectProblem(await override('user', 'not-a-uuid', true), 404)

    const killed = await api.request('POST', '/flags/o.scoped/kill', {
      token: technician,
      body: { reason: 'Broken uploads' },
    })
    expect(ZFlag.parse(await killed.json()).kill).toMatchObject({ reason: 'Broken uploads' })
    await eventually(async () => !(await valueOf(acmeMember.token, 'o.scoped')).value)
    expect(await valueOf(acmeMember.token, 'o.scoped')).toMatchObject({
      reason: 'DISABLED',
      metadata: { decision: 'killed' },
    })
    await expectProblem(await api.request('POST', '/flags/o.scoped/kill', {
      token: technician,
      body: { reason: 'again' },
    }), 409)
    const [entry] = await api.database.db.select().from(auditLog).where(eq(auditLog.action, 'flag.kill'))
    expect(entry!.changes).toContainEqual({ field: 'reason', before: null, after: 'Broken uploads' })
  })

  it('counts evaluations in memory and writes them in one statement per flush', async () => {
    const countRows = async () => (await api.database.db.select({ n: sql<number>`count(*)::int` }).from(flagEvaluationCounts))[0]!.n
    await api.deps.flags.counter.flush()
    const rowsBefore = await countRows()
    for (let i = 0; i < 50; i++)
      await valueOf(acmeMember.token, 'o.on')
    expect(await countRows()).toBe(rowsBefore)
    await api.deps.flags.counter.flush()
    const [row] = await api.database.db.select().from(flagEvaluationCounts).where(eq(flagEvaluationCounts.flagKey, 'o.on'))
    expect(row!.environment).toBe('staging')
    expect(row!.enabled + row!.disabled).toBeGreaterThanOrEqual(50)
    const counts = await (await api.request('GET', '/flags/o.on/evaluations', { token: noc })).json()
    expect(counts.hours.at(-1).enabled + counts.hours.at(-1).disabled).toBe(row!.enabled + row!.disabled)
    expect((await (await api.request('GET', '/flags/o.on', { token: noc })).json()).lastEvaluatedAt).not.toBeNull()
  })
})

describe('the tenant\'s Flags tab', () => {
  it('explains each flag as the tenant sees it', async () => {
    const response = await api.request('GET', '/tenants/acme/flags?environment=staging', { token: noc })
    const body: TTenantFlags = ZTenantFlags.parse(await response.json())
    expect(body.items.find(item => item.key === 'o.scoped')).toMatchObject({ value: false, decision: 'killed' })
    expect(body.items.find(item => item.key === 'o.acme-only')).toMatchObject({ value: true, decision: 'targeted', strategyIndex: 0 })
    await expectProblem(await api.request('GET', '/tenants/acme/flags?environment=moon', { token: noc }), 404)
  })
})

describe('schedules', () => {
  it('applies a due change exactly once across two runners, audited as the scheduler', async () => {
    const flag = await create('s.launch')
    const response = await api.request('POST', '/flags/s.launch/schedules', {
      token: lead,
      body: {
        environment: 'staging',
        runAt: new Date(Date.now() + 60_000).toISOString(),
        change: { state: 'on' },
      },
    })
    expect(response.status).toBe(201)
    expect(flag.version).toBeLessThan(ZFlag.parse(await response.json()).version)
    await expectProblem(await api.request('POST', '/flags/s.launch/schedules', {
      token: lead,
      body: {
        environment: 'staging',
        runAt: '2001-01-01T00:00:00.000Z',
        change: { state: 'on' },
      },
    }), 400)
    await api.database.db.update(flagSchedules).set({
      runAt: new Date(Date.now() - 1000),
    }).where(eq(flagSchedules.flagKey, 's.launch'))
    const logger = pino({ level: 'silent' })
    const [a, b] = await Promise.all([
      runDueFlagSchedules(api.database.db, logger),
      runDueFlagSchedules(api.database.db, logger),
    ])
    expect(a + b).toBe(1)
    const applied = ZFlag.parse(await (await api.request('GET', '/flags/s.launch', { token: noc })).json())
    expect(applied.environments.staging?.state).toBe('on')
    expect(applied.schedules[0]).toMatchObject({
      appliedAt: expect.any(String),
      error: null,
    })
    const [entry] = await api.database.db.select().from(auditLog).where(eq(auditLog.action, 'flag.schedule_apply'))
    expect(entry!.actorSubject).toBe('system:flag-scheduler')
  })

  it('does not apply a schedule to a killed flag, and says why', async () => {
    await create('s.killed')
    await api.request('POST', '/flags/s.killed/schedules', {
      token: lead,
      body: {
        environment: 'staging',
        runAt: new Date(Date.now() + 60_000).toISOString(),
        change: { state: 'on' },
      },
    })
    await api.request('POST', '/flags/s.killed/kill', {
      token: lead,
      body: { reason: 'Not yet' },
    })
    await api.database.db.update(flagSchedules).set({
      runAt: new Date(Date.now() - 1000),
    }).where(eq(flagSchedules.flagKey, 's.killed'))
    await runDueFlagSchedules(api.database.db, pino({ level: 'silent' }))
    const flag = ZFlag.parse(await (await api.request('GET', '/flags/s.killed', { token: noc })).json())
    expect(flag.environments.staging).toBeUndefined()
    expect(flag.schedules[0]!.error).toMatch(/killed/)
  })
})

describe('stale flags', () => {
  it('lists flags past their lifetime and unused ones, with the reasons', async () => {
    await create('st.old-release')
    await create('st.old-permission', 'permission')
    await api.database.db.update(flags).set({
      createdAt: new Date(Date.now() - 60 * 86_400_000),
    }).where(sql`${flags.key} like 'st.%'`)
    const page = await (await api.request('GET', '/flags/stale', { token: noc })).json() as { items: { key: string, stale: string[] }[] }
    expect(page.items.find(item => item.key === 'st.old-release')?.stale).toEqual(['lifetime', 'unused'])
    expect(page.items.find(item => item.key === 'st.old-permission')?.stale).toEqual(['unused'])
    expect(page.items.some(item => item.key === 't.create')).toBe(false)
  })
})

describe('change events', () => {
  it('streams flags.changed to any signed-in caller', async () => {
    const response = await api.request('GET', '/flags/events', { token: acmeMember.token })
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    await rule('o.on', { state: 'on' })
    let text = ''
    const until = Date.now() + 2000
    // Changes made just before may still be announced first: read until this one is.
    while (!text.includes('"keys":["o.on"]') && Date.now() < until) {
      const { value } = await reader.read()
      text += new TextDecoder().decode(value)
    }
    await reader.cancel()
    expect(text).toContain('event: flags.changed')
    expect(text).toMatch(/"keys":\["o\.on"\]/)
  })
})

describe('bulk answers carry no rule', () => {
  it('shows values, variants and decisions, never constraints or other tenants\' overrides', async () => {
    const body: TOfrepBulkEvaluationSuccess = await (await bulk(acmeMember.token)).json()
    const text = JSON.stringify(body)
    expect(text).not.toContain('constraints')
    expect(text).not.toContain('globex')
  })
})

describe('a flag\'s history', () => {
  it('is its audit entries, filtered by target type and id', async () => {
    const page = await (await api.request('GET', '/audit?targetType=flag&targetId=o.scoped', { token: noc })).json() as { items: { action: string, targetId: string }[] }
    expect(page.items.length).toBeGreaterThan(3)
    expect(page.items.every(item => item.targetId === 'o.scoped')).toBe(true)
    expect(page.items.map(item => item.action)).toContain('flag.kill')
    await expectProblem(await api.request('GET', '/audit?targetType=Not%20A%20Type', { token: noc }), 400)
  })
})
