import type { Fixture } from './fixtures'
import type { TestApi } from './test-api'
import { count, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashEntry } from '../src/audit/hash-entry'
import { verifyAuditChain } from '../src/audit/verify-audit-chain'
import { auditLog } from '../src/db/schema'
import { isMutation } from '../src/http/define-route'
import { ROUTES } from '../src/routes'
import { addMember, fixtureDomain, prepareForRoute, seedFixture } from './fixtures'
import { isFlagRoute, prepareFlagRoute, uniqueFlagBody } from './flags/flag-route-fixture'
import { seedOperator } from './operators/directory'
import { startRouteUpstreams } from './portal/route-upstreams'
import { createTestApi } from './test-api'

let api: TestApi
let fixture: Fixture
let superAdmin: string
let unique = 0

let upstreams: Awaited<ReturnType<typeof startRouteUpstreams>>

beforeAll(async () => {
  upstreams = await startRouteUpstreams()
  api = await createTestApi(upstreams.env, { idp: upstreams.idp })
  fixture = await seedFixture(api.database.db)
  superAdmin = await api.token(['operator:super_admin'], { sub: 'ana' })
})
afterAll(async () => {
  await api?.close()
  await upstreams?.stop()
})

async function auditCount() {
  return (await api.database.db.select({
    n: count(),
  }).from(auditLog))[0]!.n
}

async function call(route: typeof ROUTES[number], token: string) {
  if (isFlagRoute(route.path))
    return callFlagRoute(route, token)
  let path = route.path.replace(':slug', route.path.startsWith('/partners')
    ? 'nimbus'
    : 'acme')
  if (path.includes(':userId'))
    path = path.replace(':userId', await addMember(api.database.db, fixture.tenants.acme.id, 'member'))
  if (path.startsWith('/operators/'))
    path = path.replace(':id', await seedOperator(upstreams.idp, 'technician'))
  path = path.replace(':id', fixture.tenants.acme.subscriptionId).replace(':step', 'mail').replace(':domain', fixtureDomain('acme')).replace(':name', 'postgres')
  await prepareForRoute(api.database.db, route.path, fixture.tenants.acme.id)
  const body = structuredClone(route.example?.body) as Record<string, unknown> | undefined
  if (body && typeof body.slug === 'string')
    body.slug = `${body.slug}-a${++unique}`
  if (body && Array.isArray(body.domains))
    body.domains = body.domains.map(domain => `a${++unique}-${domain}`)
  if (body && typeof body.email === 'string')
    body.email = `a${++unique}-${body.email}`
  return api.request(route.method, path, {
    token,
    body,
    headers: { 'x-request-id': `req-${route.operationId}`, 'user-agent': 'audit-test' },
  })
}

async function callFlagRoute(route: typeof ROUTES[number], token: string) {
  const body = structuredClone(route.example?.body) as Record<string, unknown> | undefined
  if (body)
    uniqueFlagBody(route.path, body, ++unique)
  return api.request(route.method, await prepareFlagRoute(api.database.db, route.path), {
    token,
    body,
    headers: { 'x-request-id': `req-${route.operationId}`, 'user-agent': 'audit-test' },
  })
}

describe('every mutating route writes exactly one audit entry', () => {
  const mutations = ROUTES.filter(isMutation)
  it('has mutations to check', () => expect(mutations.length).toBeGreaterThan(5))

  it.each(mutations)('$method $path', async (route) => {
    const before = await auditCount()
    const response = await call(route, superAdmin)
    expect(response.status, await response.clone().text()).toBe(route.response.status)
    expect(await auditCount()).toBe(before + 1)
    const [entry] = await api.database.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1)
    expect(entry).toMatchObject({
      actorSubject: 'ana',
      actorRoles: ['operator:super_admin'],
      requestId: `req-${route.operationId}`,
      userAgent: 'audit-test',
      actingAs: null,
    })
    expect(entry!.action).toMatch(/^[a-z]+\.[a-z_]+$/)
    expect(entry!.changes.length).toBeGreaterThan(0)
  })

  it.each(mutations)('$method $path writes nothing when refused', async (route) => {
    const before = await auditCount()
    const response = await call(route, await api.token(['operator:noc']))
    expect(response.status).toBe(403)
    expect(await auditCount()).toBe(before)
  })
})

describe('field-level diff', () => {
  it('records before and after of the changed fields only', async () => {
    await api.request('PATCH', '/tenants/globex', {
      token: superAdmin,
      body: { name: 'Globex Engenharia', plan: 'business' },
    })
    const [entry] = await api.database.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1)
    expect(entry!.action).toBe('tenant.update')
    expect(entry!.tenantSlug).toBe('globex')
    expect(entry!.changes).toEqual([
      { field: 'name', before: 'Globex', after: 'Globex Engenharia' },
      { field: 'plan', before: 'starter', after: 'business' },
    ])
  })
})

describe('hash chain', () => {
  it('verifies, and the append-only trigger refuses edits', async () => {
    expect(await verifyAuditChain(api.database.db)).toMatchObject({ ok: true, firstBroken: null })
    const refusal = (error: { cause?: Error }) => /append-only/.test(String(error.cause?.message))
    await expect(api.database.db.execute(sql`update audit_log set action = 'x' where seq = 1`)).rejects.toSatisfy(refusal)
    await expect(api.database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toSatisfy(refusal)
  })

  it('reports the first tampered entry, even with the trigger bypassed', async () => {
    const report = await verifyAuditChain(api.database.db)
    const victim = Math.max(2, Math.floor(report.checked / 2))
    // A superuser can disable triggers; the chain still gives the edit away.
    await api.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`)
      await tx.execute(sql`update audit_log set changes = '[]'::jsonb where seq = ${victim}`)
      await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`)
    })
    expect(await verifyAuditChain(api.database.db)).toMatchObject({
      ok: false,
      firstBroken: { seq: victim, reason: 'hash-mismatch' },
    })
    const response = await api.request('GET', '/audit/verify', { token: superAdmin })
    expect(await response.json()).toMatchObject({
      ok: false,
      firstBroken: { seq: victim },
    })
  })

  it('detects a deleted entry as a gap', async () => {
    const local = await createTestApi()
    try {
      await seedFixture(local.database.db)
      await local.database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`)
        await tx.execute(sql`delete from audit_log where seq = 2`)
        await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`)
      })
      expect(await verifyAuditChain(local.database.db)).toMatchObject({
        ok: false,
        firstBroken: { seq: 3, reason: 'gap' },
      })
    }
    finally {
      await local.close()
    }
  })

  it('stays a single chain under concurrent writers', async () => {
    const local = await createTestApi()
    try {
      await seedFixture(local.database.db)
      const token = await local.token(['operator:super_admin'])
      const responses = await Promise.all(Array.from({ length: 20 }, (_, i) => local.request('PATCH', '/tenants/acme', {
        token,
        body: { name: `Acme ${i}` },
      })))
      expect(responses.map(r => r.status)).toEqual(Array.from({ length: 20 }).fill(200))
      expect(await verifyAuditChain(local.database.db)).toMatchObject({ ok: true, checked: 23 })
    }
    finally {
      await local.close()
    }
  })
})

describe('reading the audit log', () => {
  it('filters by tenant, actor, action and time', async () => {
    const token = superAdmin
    const byTenant = await (await api.request('GET', '/audit?tenant=acme', { token })).json()
    expect(byTenant.items.every((e: { tenantSlug: string }) => e.tenantSlug === 'acme')).toBe(true)
    const byActor = await (await api.request('GET', '/audit?actor=ana&action=tenant.*', { token })).json()
    expect(byActor.items.length).toBeGreaterThan(0)
    expect(byActor.items.every((e: { actor: { subject: string }, action: string }) => e.actor.subject === 'ana' && e.action.startsWith('tenant.'))).toBe(true)
    const future = await (await api.request('GET', `/audit?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { token })).json()
    expect(future.items).toEqual([])
  })

  it('pages with a cursor without gaps or repeats', async () => {
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const page: { items: { seq: number }[], nextCursor: string | null } = await (await api.request('GET', `/audit?limit=3${cursor
        ? `&cursor=${cursor}`
        : ''}`, { token: superAdmin })).json()
      seen.push(...page.items.map(e => e.seq))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual([...seen].sort((a, b) => b - a))
    expect(new Set(seen).size).toBe(await auditCount())
  })

  it('exports JSON Lines and CSV as streams', async () => {
    const jsonl = await api.request('GET', '/audit/export?format=jsonl&tenant=acme', { token: superAdmin })
    expect(jsonl.headers.get('content-type')).toBe('application/x-ndjson')
    const lines = (await jsonl.text()).trim().split('\n').map(line => JSON.parse(line))
    expect(lines.length).toBeGreaterThan(0)
    expect(lines.every(e => e.tenantSlug === 'acme')).toBe(true)
    const csv = await api.request('GET', '/audit/export?format=csv', { token: superAdmin })
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="dezky-audit-.*\.csv"/)
    const rows = (await csv.text()).trim().split('\r\n')
    expect(rows[0]).toBe('seq,id,at,actorSubject,actorRoles,actorEmail,actorName,actingAs,action,targetType,targetId,tenantSlug,requestId,ip,userAgent,changes,prevHash,hash')
    expect(rows.length).toBe(await auditCount() + 1)
  })

  it('names each actor from their token, and the provider\'s staff only to operators', async () => {
    const lead = await api.token(['operator:ops_lead'], { sub: 'otavio', email: 'otavio@dezky.test', name: 'Otávio Lima' })
    const owner = await api.token(['tenant:initech:owner'], { sub: 'roberto', email: 'roberto@initech.test', name: 'Roberto Nunes' })
    for (const [token, name] of [
      [lead, 'Initech by the lead'],
      [owner, 'Initech by the owner'],
    ] as const) {
      expect((await api.request('PATCH', '/tenants/initech', {
        token,
        body: { name },
      })).status).toBe(200)
    }
    const actors = async (token: string) => {
      const page = await (await api.request('GET', '/audit?tenant=initech&action=tenant.update&limit=2', { token })).json()
      return page.items.map((entry: { actor: unknown }) => entry.actor)
    }
    const roberto = {
      subject: 'roberto',
      roles: ['tenant:initech:owner'],
      email: 'roberto@initech.test',
      name: 'Roberto Nunes',
    }
    const otavio = {
      subject: 'otavio',
      roles: ['operator:ops_lead'],
      email: 'otavio@dezky.test',
      name: 'Otávio Lima',
    }
    expect(await actors(superAdmin)).toEqual([roberto, otavio])
    expect(await actors(owner)).toEqual([
      roberto,
      { ...otavio, email: null, name: null },
    ])
    const csv = await (await api.request('GET', '/audit/export?format=csv&tenant=initech&action=tenant.update', { token: owner })).text()
    expect(csv).toContain(',roberto@initech.test,Roberto Nunes,')
    expect(csv).not.toContain('otavio@dezky.test')
    // The names are covered by the hash like every other field (the chain as a whole was broken on purpose above).
    const rows = await api.database.db.select().from(auditLog).where(sql`actor_subject in ('otavio', 'roberto')`)
    expect(rows).toHaveLength(2)
    for (const row of rows)
      expect(hashEntry(row)).toBe(row.hash)
  })

  it('lets a tenant owner read only the entries of their own tenant', async () => {
    const owner = await api.token(['tenant:initech:owner'])
    const page = await (await api.request('GET', '/audit?limit=200', { token: owner })).json()
    expect(page.items.length).toBeGreaterThan(0)
    expect(page.items.every((e: { tenantSlug: string }) => e.tenantSlug === 'initech')).toBe(true)
    const other = await (await api.request('GET', '/audit?tenant=acme', { token: owner })).json()
    expect(other.items).toEqual([])
  })
})
