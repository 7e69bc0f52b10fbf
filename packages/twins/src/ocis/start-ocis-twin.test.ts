import type { OcisTwin } from './start-ocis-twin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestJson } from '../testing/request-json'
import { loadOpenApiContract, SPECS_MISSING, upstreamSpecPath } from '../testing/upstream-specs'
import { OCIS_TWIN_DEV_APP_TOKEN, OCIS_TWIN_DEV_TOKEN } from './ocis-auth'
import { SPACE_EDITOR, SPACE_MANAGER, SPACE_VIEWER } from './ocis-roles'
import { startOcisTwin } from './start-ocis-twin'

let ocis: OcisTwin
const auth = { authorization: `Bearer ${OCIS_TWIN_DEV_TOKEN}` }

function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return requestJson(`${ocis.url}${path}`, method, body, {
    ...auth,
    ...headers,
  })
}

beforeAll(async () => {
  ocis = await startOcisTwin()
})
afterAll(() => ocis.stop())

describe('ocis twin: spaces', () => {
  it('creates a project space whose creator is its manager, and lists it by driveType', async () => {
    const created = await call('POST', '/graph/v1.0/drives', {
      name: 'acme',
      description: 'dezky:tenant:acme',
      quota: { total: 5000 },
      driveType: 'project',
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      name: 'acme',
      description: 'dezky:tenant:acme',
      driveType: 'project',
      quota: { total: 5000 },
    })
    expect(created.body.root.permissions).toEqual([
      {
        grantedToIdentities: [
          {
            user: { id: ocis.admin.id, displayName: 'Admin' },
          },
        ],
        roles: ['manager'],
      },
    ])
    const listed = await call('GET', `/graph/v1beta1/drives?$filter=${encodeURIComponent('driveType eq \'project\'')}`)
    expect(listed.body.value.map((drive: any) => drive.id)).toContain(created.body.id)
    const permission = listed.body.value.find((drive: any) => drive.id === created.body.id).root.permissions[0]
    expect(permission).toMatchObject({
      id: `u:${ocis.admin.id}`,
      roles: [SPACE_MANAGER.id],
    })
  })

  it('refuses names OCIS refuses, with its error shape', async () => {
    for (const name of [
      'acme.com',
      'a/b',
      '',
      'x'.repeat(256),
    ]) {
      const { status, body } = await call('POST', '/graph/v1.0/drives', { name })
      expect(status).toBe(400)
      expect(body.error).toMatchObject({
        code: 'invalidRequest',
        innererror: {
          'date': expect.any(String),
          'request-id': expect.any(String),
        },
      })
    }
    expect((await call('POST', '/graph/v1.0/drives', { name: 'x', unknown: 1 })).status).toBe(400)
  })

  it('filters only with eq: other operators are 501, garbage is 400, eq on another property is ignored', async () => {
    expect((await call('GET', `/graph/v1.0/drives?$filter=${encodeURIComponent('driveType ne \'project\'')}`)).status).toBe(501)
    expect((await call('GET', `/graph/v1.0/drives?$filter=${encodeURIComponent('driveType eq')}`)).status).toBe(400)
    const all = await call('GET', '/graph/v1.0/drives')
    const byName = await call('GET', `/graph/v1.0/drives?$filter=${encodeURIComponent('name eq \'nothing\'')}`)
    expect(byName.body.value).toHaveLength(all.body.value.length)
  })

  it('disables, refuses to purge an enabled space, restores, purges a disabled one', async () => {
    const { body: drive } = await call('POST', '/graph/v1.0/drives', { name: 'cycle' })
    const path = `/graph/v1.0/drives/${encodeURIComponent(drive.id)}`
    expect((await call('DELETE', path, undefined, { Purge: 'T' })).status).toBe(400)
    expect((await call('DELETE', path)).status).toBe(204)
    expect((await call('GET', path)).body.root.deleted).toEqual({ state: 'trashed' })
    const restored = await call('PATCH', path, {}, { Restore: 'true' })
    expect(restored.status).toBe(200)
    expect(restored.body.root.deleted).toBeUndefined()
    await call('DELETE', path)
    expect((await call('DELETE', path, undefined, { Purge: 'T' })).status).toBe(204)
    expect((await call('GET', path)).status).toBe(404)
  })

  it('answers 401 without credentials and accepts a Basic app token', async () => {
    expect((await fetch(`${ocis.url}/graph/v1.0/drives`)).status).toBe(401)
    const basic = Buffer.from(`admin:${OCIS_TWIN_DEV_APP_TOKEN}`).toString('base64')
    expect((await fetch(`${ocis.url}/graph/v1.0/drives`, {
      headers: { authorization: `Basic ${basic}` },
    })).status).toBe(200)
  })
})

describe('ocis twin: members', () => {
  it('invites, refuses a second invite, changes the role and removes the permission', async () => {
    const user = (await call('POST', '/graph/v1.0/users', { displayName: 'Ana', onPremisesSamAccountName: 'ana@acme.test', mail: 'ana@acme.test' })).body
    const { body: drive } = await call('POST', '/graph/v1.0/drives', { name: 'members' })
    const root = `/graph/v1beta1/drives/${encodeURIComponent(drive.id)}/root`
    const invite = {
      recipients: [
        { 'objectId': user.id, '@libre.graph.recipient.type': 'user' },
      ],
      roles: [SPACE_VIEWER.id],
    }
    const invited = await call('POST', `${root}/invite`, invite)
    expect(invited.status).toBe(200)
    expect(invited.body.value[0]).toMatchObject({
      id: `u:${user.id}`,
      roles: [SPACE_VIEWER.id],
    })
    expect((await call('POST', `${root}/invite`, invite)).body.error.code).toBe('nameAlreadyExists')
    expect((await call('PATCH', `${root}/permissions/u:${user.id}`, {
      roles: [SPACE_EDITOR.id],
    })).body.roles).toEqual([SPACE_EDITOR.id])
    expect((await call('DELETE', `${root}/permissions/u:${user.id}`)).status).toBe(204)
    const listed = await call('GET', `${root}/permissions`)
    expect(listed.body.value.map((p: any) => p.id)).toEqual([`u:${ocis.admin.id}`])
    expect((await call('DELETE', `${root}/permissions/u:${user.id}`)).status).toBe(404)
  })

  it('refuses unknown recipients and roles that do not apply to a space', async () => {
    const { body: drive } = await call('POST', '/graph/v1.0/drives', { name: 'refusals' })
    const root = `/graph/v1beta1/drives/${encodeURIComponent(drive.id)}/root`
    expect((await call('POST', `${root}/invite`, {
      recipients: [
        { objectId: 'nobody' },
      ],
      roles: [SPACE_VIEWER.id],
    })).status).toBe(400)
    expect((await call('POST', `${root}/invite`, {
      recipients: [
        { objectId: ocis.admin.id },
      ],
      roles: ['b1e2218d-eef8-4d4c-b82d-0f1a1b48f3b5'],
    })).body.error.message).toBe('role not applicable to this resource')
  })

  it('finds users by $search and refuses $filter on mail as OCIS does', async () => {
    ocis.addUser({ displayName: 'Bia', onPremisesSamAccountName: 'bia@acme.test', mail: 'bia@acme.test' })
    const found = await call('GET', `/graph/v1.0/users?$search=${encodeURIComponent('"bia@acme.test"')}`)
    expect(found.body.value.map((u: any) => u.mail)).toEqual(['bia@acme.test'])
    expect((await call('GET', `/graph/v1.0/users?$filter=${encodeURIComponent('mail eq \'bia@acme.test\'')}`)).status).toBe(501)
  })
})

describe('ocis twin: drift and counters', () => {
  it('counts writes and applies drift', async () => {
    ocis.resetWrites()
    const { body: drive } = await call('POST', '/graph/v1.0/drives', {
      name: 'drifty',
      quota: { total: 10 },
    })
    expect(ocis.writes().byKind).toEqual({ 'drive.create': 1 })
    ocis.drift({ action: 'setQuota', spaceId: drive.id, total: 99 })
    expect(ocis.space(drive.id)!.quotaTotal).toBe(99)
    ocis.drift({ action: 'disableSpace', spaceId: drive.id })
    expect(ocis.space(drive.id)!.disabledAt).toBeDefined()
    expect(() => ocis.drift({ action: 'removeMember', spaceId: drive.id, userId: 'nobody' })).toThrow()
  })

  it('reports the used bytes set through drift in the drive\'s quota', async () => {
    const { body: drive } = await call('POST', '/graph/v1.0/drives', {
      name: 'filled',
      quota: { total: 1000 },
    })
    expect(drive.quota).toMatchObject({ total: 1000, used: 0, remaining: 1000 })
    ocis.drift({ action: 'setUsedBytes', spaceId: drive.id, bytes: 800 })
    const listed = await call('GET', `/graph/v1beta1/drives?$filter=${encodeURIComponent(`id eq '${drive.id}'`)}`)
    expect(listed.body.value[0].quota).toEqual({
      total: 1000,
      used: 800,
      remaining: 200,
      state: 'nearing',
    })
  })
})

const specFile = upstreamSpecPath('ocis/libregraph-openapi-v1.0.yaml')

describe.skipIf(!specFile)(`ocis twin contract (${specFile
  ? 'libregraph'
  : SPECS_MISSING})`, () => {
  it('answers drives, permissions, users and errors as the libregraph spec documents them', async () => {
    const contract = loadOpenApiContract(specFile!)
    const user = (await call('POST', '/graph/v1.0/users', { displayName: 'Caio', onPremisesSamAccountName: 'caio', mail: 'caio@acme.test' }))
    expect(contract.responseErrors('POST', '/v1.0/users', user.status, user.body)).toEqual([])
    const created = await call('POST', '/graph/v1.0/drives', {
      name: 'contract',
      quota: { total: 1 },
    })
    expect(contract.responseErrors('POST', '/v1.0/drives', 201, created.body)).toEqual([])
    const id = encodeURIComponent(created.body.id)
    const checks: [string, string, string, unknown?][] = [
      ['GET', '/v1.0/drives', '/graph/v1.0/drives'],
      ['GET', '/v1beta1/drives', '/graph/v1beta1/drives'],
      ['GET', '/v1.0/drives/{drive-id}', `/graph/v1.0/drives/${id}`],
      [
        'PATCH',
        '/v1.0/drives/{drive-id}',
        `/graph/v1.0/drives/${id}`,
        {
          quota: { total: 2 },
        },
      ],
      [
        'POST',
        '/v1beta1/drives/{drive-id}/root/invite',
        `/graph/v1beta1/drives/${id}/root/invite`,
        {
          recipients: [
            { objectId: user.body.id },
          ],
          roles: [SPACE_EDITOR.id],
        },
      ],
      ['GET', '/v1beta1/drives/{drive-id}/root/permissions', `/graph/v1beta1/drives/${id}/root/permissions`],
      [
        'PATCH',
        '/v1beta1/drives/{drive-id}/root/permissions/{perm-id}',
        `/graph/v1beta1/drives/${id}/root/permissions/u:${user.body.id}`,
        {
          roles: [SPACE_VIEWER.id],
        },
      ],
      ['GET', '/v1.0/users', '/graph/v1.0/users?$search=caio'],
      ['GET', '/v1.0/drives/{drive-id}', '/graph/v1.0/drives/nope$nope'],
      [
        'POST',
        '/v1.0/drives',
        '/graph/v1.0/drives',
        { name: 'a.b' },
      ],
    ]
    for (const [method, template, path, body] of checks) {
      const answer = await call(method, path, body)
      expect(contract.responseErrors(method, template, answer.status, answer.body), `${method} ${path}`).toEqual([])
    }
  })
})
