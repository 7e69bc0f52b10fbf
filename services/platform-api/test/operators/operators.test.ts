import type { TOperator } from '@dezky/contracts'
import type { RouteUpstreams } from '../portal/route-upstreams'
import type { TestApi } from '../test-api'
import { DEMO_USERS } from '@dezky/twins'
import { and, desc, eq, sql } from 'drizzle-orm'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { auditLog } from '../../src/db/schema'
import { expectProblem } from '../expect-problem'
import { startRouteUpstreams } from '../portal/route-upstreams'
import { createTestApi } from '../test-api'
import { createDirectoryUser, operatorGroupsOf, seedOperator } from './directory'

let upstreams: RouteUpstreams
let api: TestApi
/** Ana, the demo super admin: her token's subject is her Authentik uuid, as a real sign-in's would be. */
let ana: { uuid: string, token: string }
/** A second super admin, who is not in Authentik: a token alone makes the principal. */
let otherSuperAdmin: string

const demo = (email: string) => DEMO_USERS.find(user => user.email === email)!

beforeAll(async () => {
  upstreams = await startRouteUpstreams()
  api = await createTestApi(upstreams.env, { idp: upstreams.idp })
  const uuid = demo('ana.souza@dezky.dev').subject
  ana = { uuid, token: await api.token(['operator:super_admin'], { sub: uuid }) }
  otherSuperAdmin = await api.token(['operator:super_admin'], { sub: 'other-super-admin' })
})
beforeEach(() => upstreams.idp.authentik.clearFaults())
afterAll(async () => {
  await api?.close()
  await upstreams?.stop()
})

async function list(token: string, query = ''): Promise<TOperator[]> {
  const response = await api.request('GET', `/operators${query}`, { token })
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()).items
}

async function lastEntry(action: string) {
  const [entry] = await api.database.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.seq)).limit(1)
  return entry
}

const countEntries = async () => (await api.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]!.n

describe('gET /operators', () => {
  it('lists the people of the operator:* groups with their role, whatever operator asks', async () => {
    const noc = await api.token(['operator:noc'])
    const signedInAt = '2026-03-01T12:00:00.000Z'
    upstreams.idp.authentik.users().find(user => user.username === 'nina.alves@dezky.dev')!.lastLogin = signedInAt
    const team = await list(noc, '?limit=200')
    const byEmail = new Map(team.map(operator => [operator.email, operator]))
    expect(byEmail.get('ana.souza@dezky.dev')).toMatchObject({
      id: ana.uuid,
      name: 'Ana Souza',
      role: 'super_admin',
      extraRoles: [],
      active: true,
      signedInToDezky: false,
      dezkyLastLoginAt: null,
      createdByDezky: false,
    })
    expect(byEmail.get('nina.alves@dezky.dev')).toMatchObject({ role: 'noc', lastLoginAt: signedInAt })
    expect(byEmail.get('ana.souza@dezky.dev')!.lastLoginAt).toBeNull()
    expect(byEmail.get('tiago.rocha@dezky.dev')!.role).toBe('technician')
    // Demo users without an operator group are not on the team.
    expect(team.every(operator => operator.role)).toBe(true)
    expect(team.map(operator => operator.name)).toEqual([
      ...team.map(operator => operator.name),
    ].sort((a, b) => a.toLowerCase() < b.toLowerCase()
      ? -1
      : 1))
  })

  it('says who has signed in to Dezky, from the users the API recorded under their subject', async () => {
    const me = await api.request('GET', '/users/me', { token: await api.token(['operator:super_admin'], { sub: ana.uuid, email: 'ana.souza@dezky.dev' }) })
    expect(me.status).toBe(200)
    const [mine] = await list(ana.token, '?q=ana.souza')
    expect(mine).toMatchObject({ id: ana.uuid, signedInToDezky: true })
    expect(mine!.dezkyLastLoginAt).not.toBeNull()
  })

  it('pages with cursors through every sort order, and filters by role and text', async () => {
    const all = await list(ana.token, '?limit=200')
    for (const sort of [
      'name',
      '-name',
      'email',
      '-email',
      'role',
      '-role',
    ]) {
      const seen: string[] = []
      let cursor: string | null = null
      do {
        const response = await api.request('GET', `/operators?limit=2&sort=${sort}${cursor
          ? `&cursor=${cursor}`
          : ''}`, { token: ana.token })
        const page = await response.json() as { items: TOperator[], nextCursor: string | null }
        seen.push(...page.items.map(item => item.id))
        cursor = page.nextCursor
      } while (cursor)
      expect(seen.toSorted(), sort).toEqual(all.map(operator => operator.id).toSorted())
      expect(new Set(seen).size, sort).toBe(seen.length)
    }
    const strongestFirst = await list(ana.token, '?sort=role&limit=200')
    expect(strongestFirst[0]!.role).toBe('super_admin')
    expect(strongestFirst.at(-1)!.role).toBe('noc')
    const technicians = await list(ana.token, '?role=technician&limit=200')
    expect(technicians.map(operator => operator.email).sort()).toEqual(['sem.mfa@dezky.dev', 'tiago.rocha@dezky.dev'])
    // A cursor issued for one sort order is refused for another.
    const first = await (await api.request('GET', '/operators?limit=1&sort=role', { token: ana.token })).json()
    await expectProblem(await api.request('GET', `/operators?limit=1&sort=name&cursor=${first.nextCursor}`, { token: ana.token }), 400)
  })

  it('reports someone in two operator groups once, with the stronger role, and flags the other', async () => {
    const tiago = demo('tiago.rocha@dezky.dev')
    const user = upstreams.idp.authentik.users().find(candidate => candidate.uuid === tiago.subject)!
    upstreams.idp.authentik.groups().find(group => group.name === 'operator:ops_lead')!.users.add(user.pk)
    const [listed] = await list(ana.token, '?q=tiago.rocha')
    expect(listed).toMatchObject({
      role: 'ops_lead',
      extraRoles: ['technician'],
    })

    // A change of role cleans the leftover up, and the audit entry says so.
    const changed = await api.request('PATCH', `/operators/${tiago.subject}`, {
      token: ana.token,
      body: { role: 'technician' },
    })
    expect(await changed.json()).toMatchObject({ role: 'technician', extraRoles: [] })
    expect(operatorGroupsOf(upstreams.idp, tiago.subject)).toEqual(['operator:technician'])
    expect((await lastEntry('operator.update'))!.changes).toEqual([
      {
        field: 'extraRoles',
        before: ['technician'],
        after: [],
      },
      { field: 'role', before: 'ops_lead', after: 'technician' },
    ])
  })
})

describe('pOST /operators', () => {
  it('creates the Authentik user under path dezky in the role group, audits it, and their next token carries the role', async () => {
    const response = await api.request('POST', '/operators', {
      token: ana.token,
      body: { email: 'Rita.Prado@Dezky.example', name: 'Rita Prado', role: 'noc' },
    })
    expect(response.status, await response.clone().text()).toBe(201)
    const rita = await response.json() as TOperator
    expect(rita).toMatchObject({
      email: 'rita.prado@dezky.example',
      name: 'Rita Prado',
      role: 'noc',
      createdByDezky: true,
      signedInToDezky: false,
    })
    const user = upstreams.idp.authentik.users().find(candidate => candidate.uuid === rita.id)!
    expect(user).toMatchObject({ username: 'rita.prado@dezky.example', path: 'dezky', isActive: true })
    expect(user.password).toBeUndefined()
    expect(operatorGroupsOf(upstreams.idp, rita.id)).toEqual(['operator:noc'])

    expect(await lastEntry('operator.add')).toMatchObject({
      actorSubject: ana.uuid,
      targetType: 'operator',
      targetId: rita.id,
      tenantSlug: null,
      changes: [
        { field: 'role', before: null, after: 'noc' },
        { field: 'email', before: null, after: 'rita.prado@dezky.example' },
        { field: 'authentikUser', before: null, after: 'created' },
      ],
    })

    // The IdP issues her a token whose groups carry the role; with a second factor the API grants it.
    const token = await upstreams.idp.issueAccessToken({
      sub: user.subject,
      amr: ['pwd', 'otp'],
    })
    expect(decodeJwt(token).groups).toEqual(['operator:noc'])
    const me = await (await api.request('GET', '/users/me', { token })).json()
    expect(me.operatorRole).toBe('noc')
    const passwordOnly = await upstreams.idp.issueAccessToken({
      sub: user.subject,
      amr: ['pwd'],
    })
    expect((await (await api.request('GET', '/users/me', { token: passwordOnly })).json()).operatorRole).toBeNull()
    expect((await list(ana.token, '?q=rita.prado'))[0]).toMatchObject({ signedInToDezky: true })
  })

  it('adopts an existing user by username or e-mail without changing them, and refuses an operator twice', async () => {
    const carla = await createDirectoryUser(upstreams.idp, { username: 'carla', name: 'Carla Existing', email: 'Carla@Corp.example' })
    const response = await api.request('POST', '/operators', {
      token: ana.token,
      body: { email: 'carla@corp.example', name: 'Another Name', role: 'ops_lead' },
    })
    expect(response.status, await response.clone().text()).toBe(201)
    expect(await response.json()).toMatchObject({
      id: carla.uuid,
      name: 'Carla Existing',
      role: 'ops_lead',
      createdByDezky: false,
    })
    expect(carla).toMatchObject({ name: 'Carla Existing', email: 'Carla@Corp.example', path: 'users' })
    expect((await lastEntry('operator.add'))!.changes).toContainEqual({ field: 'authentikUser', before: null, after: 'adopted' })

    const before = await countEntries()
    const again = await expectProblem(await api.request('POST', '/operators', {
      token: ana.token,
      body: { email: 'carla@corp.example', name: 'Carla', role: 'noc' },
    }), 409)
    expect(again.detail).toMatch(/ops_lead/)
    expect(await countEntries()).toBe(before)
    expect(operatorGroupsOf(upstreams.idp, carla.uuid)).toEqual(['operator:ops_lead'])
  })

  it('creates a missing role group, marked as ours', async () => {
    const group = upstreams.idp.authentik.groups().find(candidate => candidate.name === 'operator:noc')!
    upstreams.idp.authentik.drift({ action: 'deleteGroup', group: 'operator:noc' })
    try {
      const response = await api.request('POST', '/operators', {
        token: ana.token,
        body: { email: 'night.shift@dezky.example', name: 'Night Shift', role: 'noc' },
      })
      expect(response.status).toBe(201)
      const created = upstreams.idp.authentik.groups().find(candidate => candidate.name === 'operator:noc')!
      expect(created.uuid).not.toBe(group.uuid)
      expect(created.attributes).toEqual({
        dezky: { operatorRole: 'noc' },
      })
    }
    finally {
      // The demo operators of the deleted group go back where they were for the other tests.
      const recreated = upstreams.idp.authentik.groups().find(candidate => candidate.name === 'operator:noc')!
      for (const pk of group.users)
        recreated.users.add(pk)
    }
  })

  it('answers bad input with 400 problems naming each field', async () => {
    const bad = await expectProblem(await api.request('POST', '/operators', {
      token: ana.token,
      body: {
        email: 'not-an-address',
        name: '',
        role: 'god',
        extra: true,
      },
    }), 400)
    expect(bad.errors.map((error: { path: string }) => error.path)).toEqual(expect.arrayContaining(['body.email', 'body.name', 'body.role']))
    await expectProblem(await api.request('PATCH', `/operators/${ana.uuid}`, {
      token: ana.token,
      body: { role: 'root' },
    }), 400)
    await expectProblem(await api.request('GET', '/operators?sort=age', { token: ana.token }), 400)
    expect((await api.request('PATCH', '/operators/42', {
      token: ana.token,
      body: { role: 'noc' },
    })).status).toBeGreaterThanOrEqual(400)
  })
})

describe('pATCH and DELETE /operators/:id', () => {
  it('changes a role idempotently and audits before and after', async () => {
    const id = await seedOperator(upstreams.idp, 'technician')
    const first = await api.request('PATCH', `/operators/${id}`, {
      token: ana.token,
      body: { role: 'ops_lead' },
    })
    expect(first.status).toBe(200)
    expect(await first.json()).toMatchObject({ id, role: 'ops_lead', extraRoles: [] })
    expect(operatorGroupsOf(upstreams.idp, id)).toEqual(['operator:ops_lead'])
    expect(await lastEntry('operator.update')).toMatchObject({
      targetType: 'operator',
      targetId: id,
      changes: [
        { field: 'role', before: 'technician', after: 'ops_lead' },
      ],
    })
    const writes = structuredClone(upstreams.idp.authentik.writes())
    const again = await api.request('PATCH', `/operators/${id}`, {
      token: ana.token,
      body: { role: 'ops_lead' },
    })
    expect(again.status).toBe(200)
    expect(upstreams.idp.authentik.writes()).toEqual(writes)
    expect(operatorGroupsOf(upstreams.idp, id)).toEqual(['operator:ops_lead'])
  })

  it('removes from every operator group and keeps the Authentik user', async () => {
    const id = await seedOperator(upstreams.idp, 'noc')
    const user = upstreams.idp.authentik.users().find(candidate => candidate.uuid === id)!
    upstreams.idp.authentik.groups().find(group => group.name === 'operator:technician')!.users.add(user.pk)
    expect((await api.request('DELETE', `/operators/${id}`, { token: ana.token })).status).toBe(204)
    expect(operatorGroupsOf(upstreams.idp, id)).toEqual([])
    expect(upstreams.idp.authentik.users().some(candidate => candidate.uuid === id)).toBe(true)
    expect(await lastEntry('operator.remove')).toMatchObject({
      targetId: id,
      changes: [
        {
          field: 'extraRoles',
          before: ['noc'],
          after: [],
        },
        { field: 'role', before: 'technician', after: null },
      ],
    })
    await expectProblem(await api.request('DELETE', `/operators/${id}`, { token: ana.token }), 404)
    await expectProblem(await api.request('PATCH', `/operators/${crypto.randomUUID()}`, {
      token: ana.token,
      body: { role: 'noc' },
    }), 404)
  })

  it('lets no operator below super_admin, no partner and no tenant role change the team', async () => {
    const id = await seedOperator(upstreams.idp, 'noc')
    for (const groups of [
      ['operator:ops_lead'],
      ['operator:technician'],
      ['operator:noc'],
      ['partner:nimbus:partner_admin'],
      ['tenant:acme:owner'],
      [],
    ]) {
      const token = await api.token(groups)
      const label = groups.join() || 'no role'
      await expectProblem(await api.request('POST', '/operators', {
        token,
        body: { email: 'x@dezky.example', name: 'X', role: 'super_admin' },
      }), 403)
      await expectProblem(await api.request('PATCH', `/operators/${id}`, {
        token,
        body: { role: 'super_admin' },
      }), 403)
      await expectProblem(await api.request('DELETE', `/operators/${id}`, { token }), 403)
      if (!groups[0]?.startsWith('operator:')) {
        await expectProblem(await api.request('GET', '/operators', { token }), 403, {
          detail: expect.stringMatching(/operators/),
        })
      }
      expect(operatorGroupsOf(upstreams.idp, id), label).toEqual(['operator:noc'])
    }
    // A super admin's group without a second factor grants nothing.
    const noMfa = await api.token(['operator:super_admin'], {
      amr: ['pwd'],
    })
    await expectProblem(await api.request('DELETE', `/operators/${id}`, { token: noMfa }), 403)
    await expectProblem(await api.request('GET', '/operators', { token: noMfa }), 403)
  })
})

describe('lock-out guards', () => {
  it('a super admin cannot demote or remove themself', async () => {
    await expectProblem(await api.request('PATCH', `/operators/${ana.uuid}`, {
      token: ana.token,
      body: { role: 'ops_lead' },
    }), 409, { title: 'Cannot change yourself' })
    await expectProblem(await api.request('DELETE', `/operators/${ana.uuid}`, { token: ana.token }), 409, { title: 'Cannot change yourself' })
    // Asking for the role they hold changes nothing and is fine.
    expect((await api.request('PATCH', `/operators/${ana.uuid}`, {
      token: ana.token,
      body: { role: 'super_admin' },
    })).status).toBe(200)
  })

  it('the last active super admin is neither demoted nor removed, also under concurrent demotions', async () => {
    const superAdmins = async () => (await list(ana.token, '?role=super_admin&limit=200')).filter(operator => operator.active)
    expect((await superAdmins()).map(operator => operator.id)).toEqual([ana.uuid])
    await expectProblem(await api.request('PATCH', `/operators/${ana.uuid}`, {
      token: otherSuperAdmin,
      body: { role: 'noc' },
    }), 409, { title: 'Last super admin' })
    await expectProblem(await api.request('DELETE', `/operators/${ana.uuid}`, { token: otherSuperAdmin }), 409, { title: 'Last super admin' })

    // Two super admins demoting each other at the same moment: one wins, one super admin stays.
    const bruna = await seedOperator(upstreams.idp, 'super_admin')
    const brunaToken = await api.token(['operator:super_admin'], { sub: bruna })
    const answers = await Promise.all([
      api.request('PATCH', `/operators/${bruna}`, {
        token: ana.token,
        body: { role: 'technician' },
      }),
      api.request('PATCH', `/operators/${ana.uuid}`, {
        token: brunaToken,
        body: { role: 'technician' },
      }),
    ])
    expect(answers.map(answer => answer.status).sort()).toEqual([200, 409])
    expect(await superAdmins()).toHaveLength(1)
    // Put Ana back for whatever runs after.
    const remaining = (await superAdmins())[0]!.id
    if (remaining !== ana.uuid) {
      const brunaAgain = await api.token(['operator:super_admin'], { sub: remaining })
      expect((await api.request('PATCH', `/operators/${ana.uuid}`, {
        token: brunaAgain,
        body: { role: 'super_admin' },
      })).status).toBe(200)
    }
  })
})

describe('while Authentik is down', () => {
  it('answers 503 with Retry-After, changes nothing and audits nothing', async () => {
    const id = await seedOperator(upstreams.idp, 'noc')
    const before = await countEntries()
    upstreams.idp.authentik.setFaults({ errorRate: 1 })
    for (const answer of [
      await api.request('GET', '/operators', { token: ana.token }),
      await api.request('POST', '/operators', {
        token: ana.token,
        body: { email: 'down@dezky.example', name: 'Down', role: 'noc' },
      }),
      await api.request('PATCH', `/operators/${id}`, {
        token: ana.token,
        body: { role: 'technician' },
      }),
      await api.request('DELETE', `/operators/${id}`, { token: ana.token }),
    ]) {
      await expectProblem(answer.clone(), 503)
      expect(answer.headers.get('retry-after')).toBe('30')
    }
    upstreams.idp.authentik.clearFaults()
    expect(await countEntries()).toBe(before)
    expect(operatorGroupsOf(upstreams.idp, id)).toEqual(['operator:noc'])
  })

  it('holds no transaction open while it waits on Authentik', async () => {
    const id = await seedOperator(upstreams.idp, 'noc')
    upstreams.idp.authentik.setFaults({ latencyMs: 400 })
    const answer = api.request('PATCH', `/operators/${id}`, {
      token: ana.token,
      body: { role: 'technician' },
    })
    await new Promise(resolve => setTimeout(resolve, 700))
    const { rows } = await api.database.db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start < now() - interval '500 milliseconds'`)
    expect(rows[0]!.n).toBe(0)
    expect((await answer).status).toBe(200)
    const [entry] = await api.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'operator.update'), eq(auditLog.targetId, id)))
    expect(entry).toBeDefined()
  })
})
