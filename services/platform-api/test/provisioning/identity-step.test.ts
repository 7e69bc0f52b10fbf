import type { Idp } from '@dezky/twins'
import type { DesiredMember, DesiredTenant } from '../../src/provisioning/step'
import { startIdp } from '@dezky/twins'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAuthentikDriver } from '../../src/provisioning/identity/authentik-driver'
import { createIdentityStep } from '../../src/provisioning/identity/create-identity-step'
import { recordingFetch, requestLine } from './recording-fetch'
import { desiredMember, desiredTenant, recordingContext } from './step-fixtures'

let idp: Idp
let requests: string[]
let step: ReturnType<typeof createIdentityStep>
beforeAll(async () => {
  idp = await startIdp()
  step = createIdentityStep(createAuthentikDriver({
    baseUrl: idp.authentik.url,
    apiToken: idp.authentik.apiToken,
    timeoutMs: 2000,
    fetch: recordingFetch(request => requests.push(requestLine(request))),
  }))
})
beforeEach(() => {
  requests = []
  idp.authentik.clearFaults()
})
afterAll(() => idp.stop())

function member(email: string, role: DesiredMember['role'], extra: Partial<DesiredMember> = {}): DesiredMember {
  return desiredMember(email, { role, ...extra })
}

function tenant(slug: string, members: DesiredMember[], extra: Partial<DesiredTenant> = {}): DesiredTenant {
  return desiredTenant({
    id: slug,
    slug,
    name: slug,
    plan: 'business',
    domains: [`${slug}.example`],
    members,
    ...extra,
  })
}

/** Runs the step, checking that every write the twin counted was reported through recordWrite. */
async function run(desired: DesiredTenant) {
  const { ctx, writes } = recordingContext()
  idp.authentik.resetWrites()
  requests = []
  const outcome = await step.run(desired, ctx)
  expect(writes).toHaveLength(idp.authentik.writes().total)
  desired.observed = outcome.status === 'ok'
    ? outcome.observed
    : desired.observed
  return {
    outcome,
    writes,
    counted: idp.authentik.writes(),
    requests: [...requests],
  }
}

const user = (username: string) => idp.authentik.users().find(u => u.username === username)
const group = (name: string) => idp.authentik.groups().find(g => g.name === name)
function membersOf(name: string) {
  return [
    ...group(name)?.users ?? [],
  ].map(pk => idp.authentik.users().find(u => u.pk === pk)?.username).sort()
}

describe('the identity step', () => {
  it('provisions role groups and users, then converges with one read and no writes', async () => {
    const desired = tenant('umbrella', [
      member('alice@umbrella.example', 'owner'),
      member('Bob@Umbrella.example', 'admin'),
      member('carol@umbrella.example', 'member'),
    ])
    const first = await run(desired)
    expect(first.outcome.status).toBe('ok')
    expect(first.counted.byKind).toEqual({ 'group.create': 4, 'user.create': 3 })
    expect(first.writes.map(write => write.action)).toContain('authentik.user.create')
    expect(membersOf('tenant:umbrella:admin')).toEqual(['bob@umbrella.example'])
    expect(user('bob@umbrella.example')).toMatchObject({ path: 'dezky', isActive: true, email: 'bob@umbrella.example' })
    expect(group('tenant:umbrella:owner')?.attributes).toEqual({
      dezky: { tenant: 'umbrella', role: 'owner' },
    })
    expect(desired.observed).toMatchObject({
      groups: { owner: group('tenant:umbrella:owner')!.uuid },
      users: { 'bob@umbrella.example': user('bob@umbrella.example')!.pk },
    })

    const again = await run(desired)
    expect(again.counted.total).toBe(0)
    expect(again.requests).toEqual(['GET /api/v3/core/groups/'])
  })

  it('adopts an existing group and user instead of duplicating them, never touching other groups', async () => {
    const paula = user('paula.martins@nimbus.example')!
    const desired = tenant('acme', [
      member('renata.campos@acme.test', 'owner', { name: 'Renata Campos' }),
      member('bruno.teixeira@acme.test', 'admin', { name: 'Bruno Teixeira' }),
      member('fernanda.lopes@acme.test', 'billing', { name: 'Fernanda Lopes' }),
      member('lucas.pereira@acme.test', 'member', { name: 'Lucas Pereira' }),
      member('paula.martins@nimbus.example', 'admin', { name: 'Paula Martins' }),
    ])
    const groupsBefore = idp.authentik.groups().length
    const { counted } = await run(desired)
    expect(counted.byKind).toEqual({ 'group.update': 4, 'group.add_user': 1 })
    expect(idp.authentik.groups()).toHaveLength(groupsBefore)
    expect(membersOf('tenant:acme:admin')).toEqual(['bruno.teixeira@acme.test', 'paula.martins@nimbus.example'])
    expect(user('paula.martins@nimbus.example')).toMatchObject({ path: 'users', pk: paula.pk })
    expect(membersOf('partner:nimbus:partner_admin')).toEqual(['paula.martins@nimbus.example'])
    expect((await run(desired)).counted.total).toBe(0)
  })

  it('repairs drift: deleted and renamed groups, deleted, deactivated and removed users', async () => {
    const desired = tenant('drifty', [
      member('d1@drifty.example', 'owner'),
      member('d2@drifty.example', 'admin'),
      member('d3@drifty.example', 'member'),
    ])
    await run(desired)
    const renamed = group('tenant:drifty:admin')!.uuid
    idp.authentik.drift({ action: 'renameGroup', group: 'tenant:drifty:admin', to: 'something else' })
    idp.authentik.drift({ action: 'deleteGroup', group: 'tenant:drifty:billing' })
    idp.authentik.drift({ action: 'deleteUser', username: 'd1@drifty.example' })
    idp.authentik.drift({ action: 'deactivateUser', username: 'd2@drifty.example' })
    idp.authentik.drift({ action: 'removeUserFromGroup', username: 'd3@drifty.example', group: 'tenant:drifty:member' })
    const { counted } = await run(desired)
    expect(counted.byKind).toEqual({
      'group.update': 1,
      'group.create': 1,
      'user.create': 1,
      'user.update': 1,
      'group.add_user': 1,
    })
    expect(group('tenant:drifty:admin')!.uuid).toBe(renamed)
    expect(membersOf('tenant:drifty:owner')).toEqual(['d1@drifty.example'])
    expect(membersOf('tenant:drifty:member')).toEqual(['d3@drifty.example'])
    expect(user('d2@drifty.example')?.isActive).toBe(true)
    expect((await run(desired)).counted.total).toBe(0)
  })

  it('moves a member between role groups and takes inactive members out', async () => {
    const desired = tenant('moves', [
      member('m1@moves.example', 'member'),
      member('m2@moves.example', 'member'),
    ])
    await run(desired)
    desired.members = [
      member('m1@moves.example', 'admin'),
      member('m2@moves.example', 'member', { active: false }),
    ]
    const { counted } = await run(desired)
    expect(counted.byKind).toEqual({ 'group.add_user': 1, 'group.remove_user': 2, 'user.update': 1 })
    expect(membersOf('tenant:moves:admin')).toEqual(['m1@moves.example'])
    expect(membersOf('tenant:moves:member')).toEqual([])
    expect(user('m2@moves.example')?.isActive).toBe(false)
    const converged = await run(desired)
    expect(converged.counted.total).toBe(0)
    // The inactive member is in no group, so it costs one lookup.
    expect(converged.requests).toEqual(['GET /api/v3/core/groups/', 'GET /api/v3/core/users/'])
  })

  it('suspends: groups and memberships stay, users go inactive unless active elsewhere', async () => {
    const desired = tenant('pause', [
      member('p1@pause.example', 'owner'),
      member('p2@pause.example', 'member', { activeElsewhere: true }),
    ])
    await run(desired)
    desired.mode = 'suspended'
    const { counted } = await run(desired)
    expect(counted.byKind).toEqual({ 'user.update': 1 })
    expect(user('p1@pause.example')?.isActive).toBe(false)
    expect(user('p2@pause.example')?.isActive).toBe(true)
    expect(membersOf('tenant:pause:owner')).toEqual(['p1@pause.example'])
    expect((await run(desired)).counted.total).toBe(0)
    desired.mode = 'present'
    expect((await run(desired)).counted.byKind).toEqual({ 'user.update': 1 })
  })

  it('removes an absent tenant: its groups, and the users left in no group and not active elsewhere', async () => {
    const desired = tenant('gone', [
      member('g1@gone.example', 'owner'),
      member('g2@gone.example', 'member', { activeElsewhere: true }),
      member('nina.alves@dezky.dev', 'admin'),
    ])
    await run(desired)
    desired.mode = 'absent'
    const { counted } = await run(desired)
    expect(counted.byKind).toEqual({ 'user.delete': 1, 'group.delete': 4 })
    expect(idp.authentik.groups().filter(g => g.name.startsWith('tenant:gone:'))).toEqual([])
    expect(user('g1@gone.example')).toBeUndefined()
    expect(user('g2@gone.example')).toBeDefined()
    expect(user('nina.alves@dezky.dev')).toBeDefined()
    const again = await run(desired)
    expect(again.counted.total).toBe(0)
    expect(again.requests).toEqual(['GET /api/v3/core/groups/'])
  })

  it('fails with a retryable error while Authentik answers 5xx, and converges once it recovers', async () => {
    const desired = tenant('flaky', [
      member('f1@flaky.example', 'owner'),
    ])
    idp.authentik.setFaults({ errorRate: 1, errorStatus: 500, writesOnly: true })
    await expect(run(desired)).rejects.toMatchObject({ retryable: true })
    idp.authentik.clearFaults()
    expect((await run(desired)).outcome.status).toBe('ok')
    expect(membersOf('tenant:flaky:owner')).toEqual(['f1@flaky.example'])
  })
})
