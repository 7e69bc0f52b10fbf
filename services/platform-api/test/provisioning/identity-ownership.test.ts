import type { Idp } from '@dezky/twins'
import type { AuthentikDriver } from '../../src/provisioning/identity/authentik-driver'
import type { DesiredMember, DesiredTenant } from '../../src/provisioning/step'
import { startIdp } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthentikDriver } from '../../src/provisioning/identity/authentik-driver'
import { createIdentityStep } from '../../src/provisioning/identity/create-identity-step'
import { desiredMember, desiredTenant, recordingContext } from './step-fixtures'

let idp: Idp
let driver: AuthentikDriver
beforeAll(async () => {
  idp = await startIdp()
  driver = authentik()
})
afterAll(() => idp.stop())

function authentik(fetcher: typeof fetch = fetch): AuthentikDriver {
  return createAuthentikDriver({
    baseUrl: idp.authentik.url,
    apiToken: idp.authentik.apiToken,
    timeoutMs: 2000,
    fetch: fetcher,
  })
}

function member(email: string, role: DesiredMember['role'], extra: Partial<DesiredMember> = {}): DesiredMember {
  return desiredMember(email, { role, ...extra })
}

function tenant(slug: string, members: DesiredMember[], extra: Partial<DesiredTenant> = {}): DesiredTenant {
  return desiredTenant({
    id: slug,
    slug,
    name: slug,
    plan: 'business',
    domains: [],
    members,
    ...extra,
  })
}

async function run(desired: DesiredTenant, with_ = driver) {
  const { ctx, writes } = recordingContext()
  const outcome = await createIdentityStep(with_).run(desired, ctx)
  if (outcome.status === 'ok')
    desired.observed = outcome.observed
  return { outcome, writes }
}

const user = (username: string) => idp.authentik.users().find(u => u.username === username)

/** A person who was in Authentik before Dezky (path `users`, the default), optionally in some groups. */
async function existingUser(username: string, name: string, groups: string[] = []) {
  const uuids: string[] = []
  for (const group of groups) {
    uuids.push(idp.authentik.groups().find(g => g.name === group)?.uuid
      ?? (await driver.call('create group', init => driver.core.coreGroupsCreate({
        groupRequest: { name: group },
      }, init))).pk)
  }
  return driver.call('create user', init => driver.core.coreUsersCreate({
    userRequest: {
      username,
      name,
      email: username,
      groups: uuids,
    },
  }, init))
}

async function joinGroup(username: string, group: string) {
  const uuid = idp.authentik.groups().find(g => g.name === group)?.uuid
    ?? (await driver.call('create group', init => driver.core.coreGroupsCreate({
      groupRequest: { name: group },
    }, init))).pk
  await driver.call('add user', init => driver.core.coreGroupsAddUserCreate({
    groupUuid: uuid,
    userAccountRequest: { pk: user(username)!.pk },
  }, init))
}

describe('identity step never takes over people Dezky did not create', () => {
  it('keeps the name and e-mail of a user created outside Dezky, changing only group membership', async () => {
    await existingUser('ext@own1.test', 'External Person')
    const desired = tenant('own1', [
      member('ext@own1.test', 'owner', { name: 'Renamed By Tenant' }),
    ])
    const { writes } = await run(desired)
    expect(user('ext@own1.test')).toMatchObject({ name: 'External Person', path: 'users' })
    expect(writes.filter(w => w.action === 'authentik.user.update')).toEqual([])
    expect(writes.some(w => w.action === 'authentik.group.add_user')).toBe(true)
    expect((await run(desired)).writes).toEqual([])
  })

  it('still renames a user it created', async () => {
    const desired = tenant('own2', [
      member('mine@own2.test', 'owner', { name: 'Old' }),
    ])
    await run(desired)
    desired.members = [
      member('mine@own2.test', 'owner', { name: 'New' }),
    ]
    await run(desired)
    expect(user('mine@own2.test')!.name).toBe('New')
  })

  it('keeps a member with a partner group active when the tenant is suspended, and does not delete them on offboarding', async () => {
    const desired = tenant('own3', [
      member('partner@own3.test', 'admin'),
      member('plain@own3.test', 'member'),
    ])
    await run(desired)
    await joinGroup('partner@own3.test', 'partner:own3p:partner_admin')
    desired.mode = 'suspended'
    await run(desired)
    expect(user('partner@own3.test')!.isActive).toBe(true)
    expect(user('plain@own3.test')).toMatchObject({
      isActive: false,
      attributes: {
        dezky: { deactivatedBy: 'reconciler' },
      },
    })
    expect((await run(desired)).writes).toEqual([])

    desired.mode = 'absent'
    await run(desired)
    expect(user('partner@own3.test')).toMatchObject({ isActive: true })
    expect(user('plain@own3.test')).toBeUndefined()
  })

  it('deactivates a foreign user whose only groups are tenants\', marks it, and reactivates it on resume', async () => {
    await existingUser('only@own4.test', 'Only Tenant')
    const desired = tenant('own4', [
      member('only@own4.test', 'owner', { name: 'Only Tenant' }),
    ])
    await run(desired)
    desired.mode = 'suspended'
    await run(desired)
    expect(user('only@own4.test')).toMatchObject({
      isActive: false,
      attributes: {
        dezky: { deactivatedBy: 'reconciler' },
      },
    })
    desired.mode = 'present'
    await run(desired)
    expect(user('only@own4.test')).toMatchObject({ isActive: true })
    expect(user('only@own4.test')!.attributes).toEqual({})
    expect((await run(desired)).writes).toEqual([])
  })

  it('does not reactivate a foreign user someone else deactivated', async () => {
    await existingUser('blocked@own5.test', 'Blocked')
    idp.authentik.drift({ action: 'deactivateUser', username: 'blocked@own5.test' })
    const desired = tenant('own5', [
      member('blocked@own5.test', 'owner', { name: 'Blocked' }),
    ])
    await run(desired)
    expect(user('blocked@own5.test')!.isActive).toBe(false)
  })

  it('deletes on offboarding only users it created and that are in this tenant\'s groups alone', async () => {
    await existingUser('foreign@own6.test', 'Foreign')
    const desired = tenant('own6', [
      member('foreign@own6.test', 'owner', { name: 'Foreign' }),
      member('mine@own6.test', 'member'),
    ])
    await run(desired)
    desired.mode = 'absent'
    const { writes } = await run(desired)
    expect(writes.filter(w => w.action === 'authentik.user.delete').map(w => w.changes[0]!.before)).toEqual(['mine@own6.test'])
    expect(user('foreign@own6.test')).toBeDefined()
  })

  it('treats a user whose groups are not in the answer as not its own to delete', async () => {
    const desired = tenant('own7', [
      member('nogroups@own7.test', 'owner'),
    ])
    await run(desired)
    const withoutGroups: typeof fetch = async (input, init) => {
      const response = await fetch(input, init)
      if ((init?.method ?? 'GET') !== 'GET' || !new URL(String(input)).pathname.startsWith('/api/v3/core/users'))
        return response
      const body = await response.json() as { results?: Array<Record<string, unknown>> } & Record<string, unknown>
      for (const listed of body.results ?? [body])
        delete listed.groups
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers })
    }
    desired.mode = 'absent'
    const { writes } = await run(desired, authentik(withoutGroups))
    expect(writes.filter(w => w.action === 'authentik.user.delete')).toEqual([])
    expect(user('nogroups@own7.test')).toBeDefined()
  })

  it('deactivates a departed foreign user left in no group with the mark, and a re-added one comes back', async () => {
    await existingUser('leaver@own8.test', 'Leaver')
    const desired = tenant('own8', [
      member('leaver@own8.test', 'member', { name: 'Leaver' }),
      member('stays@own8.test', 'owner'),
    ])
    await run(desired)
    desired.members = desired.members.slice(1)
    await run(desired)
    expect(user('leaver@own8.test')).toMatchObject({
      isActive: false,
      attributes: {
        dezky: { deactivatedBy: 'reconciler' },
      },
    })
    desired.members.push(member('leaver@own8.test', 'member', { name: 'Leaver' }))
    await run(desired)
    expect(user('leaver@own8.test')!.isActive).toBe(true)
  })
})

describe('identity step: two tenants creating the same person at once', () => {
  it('both converge: the run that loses the race adopts the user the other created', async () => {
    const shared = 'both@shared.test'
    // Both runs look the person up before either creates them.
    let waiting = 0
    let release!: () => void
    const bothLookedUp = new Promise<void>((resolve) => {
      release = resolve
    })
    const gated: typeof fetch = async (input, init) => {
      if (init?.method === 'POST' && new URL(String(input)).pathname === '/api/v3/core/users/') {
        if (++waiting === 2)
          release()
        await bothLookedUp
      }
      return fetch(input, init)
    }
    const a = tenant('race-a', [
      member(shared, 'owner'),
    ])
    const b = tenant('race-b', [
      member(shared, 'member'),
    ])
    const [ra, rb] = await Promise.all([
      run(a, authentik(gated)),
      run(b, authentik(gated)),
    ])
    expect(waiting).toBe(2)
    expect([ra.outcome.status, rb.outcome.status]).toEqual(['ok', 'ok'])
    expect(idp.authentik.users().filter(u => u.username === shared)).toHaveLength(1)
    const groups = idp.authentik.groups().filter(g => g.users.has(user(shared)!.pk)).map(g => g.name).sort()
    expect(groups).toEqual(['tenant:race-a:owner', 'tenant:race-b:member'])
    expect((await run(a)).writes).toEqual([])
    expect((await run(b)).writes).toEqual([])
  })
})
