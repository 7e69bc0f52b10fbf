import type { Idp } from '../idp/start-idp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../idp/demo-users'
import { startIdp } from '../idp/start-idp'
import { requestJson } from '../testing/request-json'
import { DEV_AUTHENTIK_API_TOKEN } from './create-authentik-api'

let idp: Idp
let api: string
beforeAll(async () => {
  idp = await startIdp()
  api = idp.authentik.url
})
beforeEach(() => {
  idp.authentik.clearFaults()
  idp.authentik.resetWrites()
})
afterAll(() => idp.stop())

function call(method: string, path: string, body?: unknown, token = DEV_AUTHENTIK_API_TOKEN) {
  return requestJson(`${api}${path}`, method, body, { authorization: `Bearer ${token}` })
}

describe('the Authentik API twin', () => {
  it('holds the demo users and one group per demo group name', async () => {
    const { status, body } = await call('GET', '/core/users/?page_size=100')
    expect(status).toBe(200)
    expect(body.pagination).toMatchObject({
      count: DEMO_USERS.length,
      current: 1,
      total_pages: 1,
      next: 0,
      previous: 0,
    })
    const renata = body.results.find((user: { username: string }) => user.username === 'renata.campos@acme.test')
    expect(renata).toMatchObject({
      is_active: true,
      path: 'users',
      uuid: '08205f5c-b6d1-4724-aa93-85c3a8cfec43',
      type: 'internal',
    })
    expect(renata.groups_obj.map((group: { name: string }) => group.name)).toEqual(['tenant:acme:owner'])
    const groups = await call('GET', '/core/groups/?name=tenant:acme:admin')
    expect(groups.body.results).toHaveLength(1)
    expect(groups.body.results[0].users_obj.map((user: { username: string }) => user.username)).toEqual(['bruno.teixeira@acme.test'])
  })

  it('refuses requests without a valid token with DRF\'s 403 bodies', async () => {
    const missing = await fetch(`${api}/core/groups/`)
    expect(missing.status).toBe(403)
    expect(await missing.json()).toEqual({ detail: 'Authentication credentials were not provided.' })
    expect(await call('GET', '/core/groups/', undefined, 'wrong')).toEqual({
      status: 403,
      body: { detail: 'Token invalid/expired' },
    })
  })

  it('answers 405 without the trailing slash and 404 for unknown objects', async () => {
    expect((await call('GET', '/core/groups')).status).toBe(405)
    expect(await call('GET', '/core/groups/00000000-0000-4000-8000-000000000000/')).toEqual({
      status: 404,
      body: { detail: 'No Group matches the given query.' },
    })
    expect(await call('GET', '/core/users/99999/')).toEqual({
      status: 404,
      body: { detail: 'No User matches the given query.' },
    })
    expect((await call('GET', '/core/groups/?page=9')).body).toEqual({ detail: 'Invalid page.' })
  })

  it('creates, updates, fills and deletes a group, counting each write', async () => {
    const created = await call('POST', '/core/groups/', {
      name: 'tenant:twin:admin',
      attributes: {
        dezky: { tenant: 'twin' },
      },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'tenant:twin:admin',
      users: [],
      parents: [],
      roles_obj: [],
    })
    expect(await call('POST', '/core/groups/', { name: 'tenant:twin:admin' })).toEqual({
      status: 400,
      body: {
        name: ['This field must be unique.'],
      },
    })
    expect(await call('POST', '/core/groups/', {})).toEqual({
      status: 400,
      body: {
        name: ['This field is required.'],
      },
    })
    const uuid = created.body.pk
    expect((await call('POST', `/core/groups/${uuid}/add_user/`, { pk: 1 })).status).toBe(204)
    expect(await call('POST', `/core/groups/${uuid}/add_user/`, { pk: 9999 })).toEqual({
      status: 404,
      body: { detail: 'Not found.' },
    })
    expect((await call('GET', `/core/groups/${uuid}/`)).body.users).toEqual([1])
    expect((await call('PATCH', `/core/groups/${uuid}/`, { name: 'tenant:twin:owner' })).body).toMatchObject({
      name: 'tenant:twin:owner',
      users: [1],
    })
    expect((await call('POST', `/core/groups/${uuid}/remove_user/`, { pk: 1 })).status).toBe(204)
    expect((await call('DELETE', `/core/groups/${uuid}/`)).status).toBe(204)
    expect(idp.authentik.writes()).toEqual({
      total: 5,
      byKind: {
        'group.create': 1,
        'group.add_user': 1,
        'group.update': 1,
        'group.remove_user': 1,
        'group.delete': 1,
      },
    })
  })

  it('creates users with groups, filters them and refuses duplicates and unknown group names', async () => {
    const group = (await call('GET', '/core/groups/?name=tenant:globex:owner')).body.results[0]
    const created = await call('POST', '/core/users/', {
      username: 'new@globex.test',
      name: 'New',
      email: 'new@globex.test',
      path: 'dezky',
      groups: [group.pk],
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      username: 'new@globex.test',
      is_active: true,
      path: 'dezky',
      groups: [group.pk],
    })
    expect(await call('POST', '/core/users/', { username: 'new@globex.test', name: 'Again' })).toEqual({
      status: 400,
      body: {
        username: ['This field must be unique.'],
      },
    })
    const byGroup = await call('GET', '/core/users/?groups_by_name=tenant:globex:owner')
    expect(byGroup.body.results.map((user: { username: string }) => user.username)).toEqual(['marcos.ribeiro@globex.test', 'new@globex.test'])
    expect(await call('GET', '/core/users/?groups_by_name=tenant:nowhere:owner')).toEqual({
      status: 400,
      body: {
        groups_by_name: ['Select a valid choice. tenant:nowhere:owner is not one of the available choices.'],
      },
    })
    const patched = await call('PATCH', `/core/users/${created.body.pk}/`, { is_active: false })
    expect(patched.body.is_active).toBe(false)
    expect((await call('GET', '/core/users/?is_active=false')).body.results.map((user: { pk: number }) => user.pk)).toEqual([created.body.pk])
    expect((await call('POST', `/core/users/${created.body.pk}/recovery/`, {})).body.link).toMatch(/^http:\/\/localhost:\d+\/if\/flow\//)
    expect((await call('DELETE', `/core/users/${created.body.pk}/`)).status).toBe(204)
  })

  it('injects faults on the API only, never on the OpenID routes or the admin endpoints', async () => {
    idp.authentik.setFaults({ errorRate: 1, errorStatus: 502 })
    expect(await call('GET', '/core/groups/')).toEqual({
      status: 502,
      body: { detail: 'Injected server error.' },
    })
    expect((await fetch(`${idp.issuer}/.well-known/openid-configuration`)).status).toBe(200)
    expect((await fetch(`${api.replace('/api/v3', '')}/__twin/writes`)).status).toBe(200)
  })

  it('loses the answer of a write it carried out, when told to', async () => {
    idp.authentik.setFaults({ lostAnswerRate: 1, writesOnly: true })
    const sent = await call('POST', '/core/groups/', { name: 'tenant:lost:owner' }).catch((error: unknown) => error)
    expect(sent).toBeInstanceOf(Error)
    idp.authentik.clearFaults()
    expect(idp.authentik.groups().map(group => group.name)).toContain('tenant:lost:owner')
    expect(idp.authentik.writes().total).toBe(1)
  })

  it('drifts: renames and deletes groups, deactivates, removes and deletes users', async () => {
    const base = api.replace('/api/v3', '')
    const drift = async (body: unknown) => (await fetch(`${base}/__twin/drift`, {
      method: 'POST',
      body: JSON.stringify(body),
    })).json()
    expect(await drift({ action: 'renameGroup', group: 'tenant:initech:owner', to: 'renamed' })).toEqual({ applied: true })
    expect(await drift({ action: 'removeUserFromGroup', group: 'renamed', username: 'roberto.nunes@initech.test' })).toEqual({ applied: true })
    expect(await drift({ action: 'deleteGroup', group: 'renamed' })).toEqual({ applied: true })
    expect(await drift({ action: 'deactivateUser', username: 'roberto.nunes@initech.test' })).toEqual({ applied: true })
    expect(idp.authentik.users().find(user => user.username === 'roberto.nunes@initech.test')?.isActive).toBe(false)
    expect(await drift({ action: 'deleteUser', username: 'roberto.nunes@initech.test' })).toEqual({ applied: true })
    expect(await drift({ action: 'deleteUser', username: 'roberto.nunes@initech.test' })).toMatchObject({ applied: false })
    expect(idp.authentik.writes().total).toBe(0)
  })
})
