import type { Fixture } from './fixtures'
import type { TestApi } from './test-api'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog, tenantMemberships, users } from '../src/db/schema'
import { addMember, seedFixture } from './fixtures'
import { createTestApi } from './test-api'

let api: TestApi
let fixture: Fixture
let operator: string

beforeAll(async () => {
  api = await createTestApi()
  fixture = await seedFixture(api.database.db)
  operator = await api.token(['operator:ops_lead'])
})
afterAll(() => api?.close())

const patch = (token: string, slug: string, userId: string, body: unknown) => api.request('PATCH', `/tenants/${slug}/members/${userId}`, { token, body })

describe('owner protection', () => {
  it('an admin cannot disable, rename or demote an owner; an owner can', async () => {
    const { acme } = fixture.tenants
    const owner = await addMember(api.database.db, acme.id, 'owner')
    const admin = await api.token(['tenant:acme:admin'])
    for (const body of [
      { active: false },
      { name: 'pwned' },
      { role: 'member' },
    ])
      expect((await patch(admin, 'acme', owner, body)).status, JSON.stringify(body)).toBe(403)
    expect((await api.request('DELETE', `/tenants/acme/members/${owner}`, { token: admin })).status).toBe(403)
    const owners = await api.token(['tenant:acme:owner'])
    expect((await patch(owners, 'acme', owner, { active: false })).status).toBe(200)
  })

  it('keeps one active owner, also under concurrent demotions', async () => {
    const { globex } = fixture.tenants
    await api.database.db.delete(tenantMemberships).where(and(eq(tenantMemberships.tenantId, globex.id), eq(tenantMemberships.role, 'owner')))
    const first = await addMember(api.database.db, globex.id, 'owner')
    const second = await addMember(api.database.db, globex.id, 'owner')
    const results = await Promise.all([first, second].map(id => patch(operator, 'globex', id, { role: 'member' })))
    expect(results.map(r => r.status).sort()).toEqual([200, 409])
    const [left] = await api.database.db.select({ n: sql<number>`count(*)::int` }).from(tenantMemberships).where(and(eq(tenantMemberships.tenantId, globex.id), eq(tenantMemberships.role, 'owner')))
    expect(left!.n).toBe(1)
  })
})

describe('a person who belongs to several tenants', () => {
  it('is disabled per tenant, and renamed only by an operator', async () => {
    const { acme, initech } = fixture.tenants
    const person = await addMember(api.database.db, acme.id, 'member')
    await api.database.db.insert(tenantMemberships).values({ tenantId: initech.id, userId: person, role: 'member' })
    const initechOwner = await api.token(['tenant:initech:owner'])
    const disabled = await patch(initechOwner, 'initech', person, { active: false })
    expect(await disabled.json()).toMatchObject({ active: false })
    const [user] = await api.database.db.select().from(users).where(eq(users.id, person))
    expect(user!.active).toBe(true)
    const inAcme = await (await api.request('GET', '/tenants/acme/members?limit=200', { token: operator })).json()
    expect(inAcme.items.find((m: { id: string }) => m.id === person).active).toBe(true)
    const inInitech = await (await api.request('GET', '/tenants/initech/members?limit=200', { token: operator })).json()
    expect(inInitech.items.find((m: { id: string }) => m.id === person).active).toBe(false)
    expect((await patch(initechOwner, 'initech', person, { name: 'Renamed' })).status).toBe(403)
    expect((await patch(operator, 'initech', person, { name: 'Renamed' })).status).toBe(200)
  })
})

describe('gET /users/me', () => {
  it('claims an invited row by verified e-mail only', async () => {
    const { acme } = fixture.tenants
    const invited = await api.request('POST', '/tenants/acme/members', {
      token: operator,
      body: { email: 'invitee@corp.example', name: 'Invitee', role: 'admin' },
    })
    const invitedId = (await invited.json()).id
    const impostor = await api.idp.issueAccessToken({
      sub: 'impostor',
      email: 'Invitee@corp.example',
      emailVerified: false,
      groups: [],
    })
    expect((await api.request('GET', '/users/me', { token: impostor })).status).toBe(409)
    const [row] = await api.database.db.select().from(users).where(eq(users.id, invitedId))
    expect(row!.subject).toBeNull()
    const real = await api.idp.issueAccessToken({ sub: 'invitee', email: 'invitee@corp.example', groups: [] })
    const me = await (await api.request('GET', '/users/me', { token: real })).json()
    expect(me.user).toMatchObject({ id: invitedId, subject: 'invitee' })
    expect(acme.slug).toBe('acme')
  })

  it('answers from reads alone when nothing changed, and records the sign-in time from the token', async () => {
    const token = await api.idp.issueAccessToken({
      sub: 'steady',
      email: 'steady@acme.test',
      groups: ['tenant:acme:member'],
    })
    const first = await (await api.request('GET', '/users/me', { token })).json()
    const [before] = await api.database.db.select().from(users).where(eq(users.subject, 'steady'))
    const iat = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).iat as number
    expect(first.user.lastLoginAt).toBe(new Date(iat * 1000).toISOString())
    const xmin = async () => (await api.database.db.execute(sql`select xmin::text as x from users where subject = 'steady'`)).rows[0]!.x
    const version = await xmin()
    for (let i = 0; i < 5; i++)
      expect((await api.request('GET', '/users/me', { token })).status).toBe(200)
    expect(await xmin()).toBe(version)
    const [after] = await api.database.db.select().from(users).where(eq(users.subject, 'steady'))
    expect(after!.updatedAt).toEqual(before!.updatedAt)
    // A platform grant for a tenant the claim also names is not a change either.
    await api.database.db.update(tenantMemberships).set({ source: 'platform' }).where(eq(tenantMemberships.userId, before!.id))
    await api.request('GET', '/users/me', { token })
    expect(await xmin()).toBe(version)
  })

  it('mirrors IdP tenant roles into memberships and audits each change', async () => {
    const sub = 'idp-synced'
    const count = async () => (await api.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.action, 'member.sync')))[0]!.n
    const before = await count()
    await api.request('GET', '/users/me', { token: await api.idp.issueAccessToken({
      sub,
      email: 'synced@acme.test',
      groups: ['tenant:acme:billing'],
    }) })
    expect(await count()).toBe(before + 1)
    await api.request('GET', '/users/me', { token: await api.idp.issueAccessToken({
      sub,
      email: 'synced@acme.test',
      groups: ['tenant:acme:billing'],
    }) })
    expect(await count()).toBe(before + 1)
    await api.request('GET', '/users/me', { token: await api.idp.issueAccessToken({ sub, email: 'synced@acme.test', groups: [] }) })
    expect(await count()).toBe(before + 2)
    const [entry] = await api.database.db.select().from(auditLog).where(eq(auditLog.action, 'member.sync')).orderBy(sql`seq desc`).limit(1)
    expect(entry).toMatchObject({
      tenantSlug: 'acme',
      changes: [
        { field: 'role', before: 'billing', after: null },
      ],
    })
  })
})

describe('domains', () => {
  it('belong to one tenant, and whoever holds domain:write assigns them', async () => {
    const owner = await api.token(['tenant:acme:owner'])
    expect((await api.request('PATCH', '/tenants/acme', {
      token: owner,
      body: {
        domains: ['owner-added.test'],
      },
    })).status).toBe(200)
    expect((await api.request('PATCH', '/tenants/acme', {
      token: operator,
      body: {
        domains: ['acme.test'],
      },
    })).status).toBe(200)
    const clash = await api.request('PATCH', '/tenants/globex', {
      token: operator,
      body: {
        domains: ['acme.test'],
      },
    })
    expect(clash.status).toBe(409)
    expect((await clash.json()).errors[0].path).toBe('body.domains')
    expect((await api.request('POST', '/tenants', {
      token: operator,
      body: {
        slug: 'copycat',
        name: 'Copycat',
        domains: ['acme.test'],
      },
    })).status).toBe(409)
  })
})

describe('client address in audit entries', () => {
  it('ignores X-Forwarded-For unless proxies are trusted, then takes the right hop', async () => {
    const token = operator
    await api.request('PATCH', '/tenants/initech', {
      token,
      body: { name: 'Initech A' },
      headers: { 'x-forwarded-for': '6.6.6.6 spoofed <b>' },
    })
    let [entry] = await api.database.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1)
    expect(entry!.ip).toBeNull()
    const trusting = await createTestApi({ TRUST_PROXY_HOPS: '1' })
    try {
      await seedFixture(trusting.database.db)
      const t = await trusting.token(['operator:ops_lead'])
      await trusting.request('PATCH', '/tenants/initech', {
        token: t,
        body: { name: 'Initech B' },
        headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
      })
      ;[entry] = await trusting.database.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1)
      expect(entry!.ip).toBe('203.0.113.7')
      await trusting.request('PATCH', '/tenants/initech', {
        token: t,
        body: { name: 'Initech C' },
        headers: { 'x-forwarded-for': 'not-an-ip' },
      })
      ;[entry] = await trusting.database.db.select().from(auditLog).orderBy(sql`seq desc`).limit(1)
      expect(entry!.ip).toBeNull()
    }
    finally {
      await trusting.close()
    }
  })
})
