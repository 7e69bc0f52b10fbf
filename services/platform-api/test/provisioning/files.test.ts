import type { OcisTwin } from '@dezky/twins'
import type { DesiredMember, DesiredTenant, StepOutcome, UpstreamWrite } from '../../src/provisioning/step'
import { OCIS_TWIN_DEV_TOKEN, SPACE_EDITOR, SPACE_MANAGER, SPACE_VIEWER, startOcisTwin } from '@dezky/twins'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createFilesStep } from '../../src/provisioning/files/create-files-step'
import { createOcisDriver } from '../../src/provisioning/files/create-ocis-driver'
import { recordingFetch, requestLine } from './recording-fetch'
import { desiredMember, desiredTenant, recordingContext, upstreamFailure } from './step-fixtures'

let ocis: OcisTwin
let requests: string[] = []
let counter = 0

function member(email: string, role: DesiredMember['role'], active = true): DesiredMember {
  return desiredMember(email, { role, active })
}

function tenant(overrides: Partial<DesiredTenant> = {}): DesiredTenant {
  counter++
  return desiredTenant({
    id: `t${counter}`,
    slug: `acme-${counter}`,
    name: 'Acme Ltda',
    quotas: { mailboxBytes: 5_000, storageBytes: 50_000 },
    domains: ['acme.test'],
    members: [
      member(`owner${counter}@acme.test`, 'owner'),
      member(`dev${counter}@acme.test`, 'member'),
      member(`bill${counter}@acme.test`, 'billing'),
    ],
    ...overrides,
  })
}

function driver(options: { timeoutMs?: number, bearerToken?: string } = {}) {
  return createOcisDriver({
    baseUrl: ocis.url,
    bearerToken: options.bearerToken ?? OCIS_TWIN_DEV_TOKEN,
    timeoutMs: options.timeoutMs ?? 5_000,
    fetch: recordingFetch(request => requests.push(requestLine(request))),
  })
}

async function run(desired: DesiredTenant, step = createFilesStep(driver())): Promise<{ outcome: StepOutcome, writes: UpstreamWrite[] }> {
  const { ctx, writes } = recordingContext()
  const outcome = await step.run(desired, ctx)
  return { outcome, writes }
}

/** Runs, then feeds `observed` back as the reconciler does. */
async function converge(desired: DesiredTenant) {
  const result = await run(desired)
  desired.observed = result.outcome.observed ?? {}
  return result
}

function spaceOf(desired: DesiredTenant) {
  return ocis.space(String(desired.observed.spaceId))!
}

function grantsOf(desired: DesiredTenant) {
  return Object.fromEntries([
    ...spaceOf(desired).grants.values(),
  ].map(grant => [ocis.users().find(user => user.id === grant.userId)!.onPremisesSamAccountName, grant.roleId]))
}

beforeAll(async () => {
  ocis = await startOcisTwin()
})
beforeEach(() => {
  ocis.clearFaults()
  ocis.resetWrites()
  requests = []
})
afterAll(() => ocis.stop())

describe('files step: present', () => {
  it('creates the space with quota and marker, creates the members in OCIS and grants their roles', async () => {
    const desired = tenant()
    const { outcome, writes } = await converge(desired)
    expect(outcome.status).toBe('ok')
    const space = spaceOf(desired)
    expect(space).toMatchObject({ name: desired.slug, description: `dezky:tenant:${desired.slug}`, quotaTotal: 50_000 })
    expect(grantsOf(desired)).toEqual({
      [`owner${counter}@acme.test`]: SPACE_MANAGER.id,
      [`dev${counter}@acme.test`]: SPACE_EDITOR.id,
      [`bill${counter}@acme.test`]: SPACE_VIEWER.id,
      admin: SPACE_MANAGER.id,
    })
    expect(Object.keys(outcome.observed!.users as object)).toHaveLength(3)
    expect(outcome.observed!.selfId).toBe(ocis.admin.id)
    // recordWrite saw every write the twin applied
    expect(writes).toHaveLength(ocis.writes().total)
    expect(writes.map(write => write.action)).toEqual([
      'ocis.space.create',
      'ocis.user.create',
      'ocis.user.create',
      'ocis.user.create',
      'ocis.space.member.add',
      'ocis.space.member.add',
      'ocis.space.member.add',
    ])
  })

  it('makes no write and one read on a converged tenant', async () => {
    const desired = tenant()
    await converge(desired)
    ocis.resetWrites()
    requests = []
    const { writes } = await converge(desired)
    expect(ocis.writes().total).toBe(0)
    expect(writes).toEqual([])
    expect(requests).toEqual(['GET /graph/v1beta1/drives'])
  })

  it('reports the space\'s quota, use and web address in its outputs, read with the space (no extra call)', async () => {
    const desired = tenant()
    const first = await converge(desired)
    expect(first.outcome.outputs).toMatchObject({
      quota: { used: 0, total: 50_000 },
      webUrl: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/f\//),
    })
    ocis.drift({
      action: 'setUsedBytes',
      spaceId: String(desired.observed.spaceId),
      bytes: 12_345,
    })
    requests = []
    const before = Date.now()
    const { outcome } = await converge(desired)
    expect(requests).toEqual(['GET /graph/v1beta1/drives'])
    expect(outcome.outputs).toMatchObject({
      quota: { used: 12_345, total: 50_000 },
    })
    expect(Date.parse(String(outcome.outputs!.measuredAt))).toBeGreaterThanOrEqual(before)
  })

  it('adopts its marked space and users that already exist, without duplicates, and keeps the admin grant', async () => {
    const desired = tenant()
    const existing = ocis.addSpace({ name: desired.slug, description: `dezky:tenant:${desired.slug}`, quotaTotal: 1 })
    const owner = ocis.addUser({ displayName: 'Owner', onPremisesSamAccountName: desired.members[0]!.email, mail: desired.members[0]!.email })
    const spacesBefore = ocis.spaces().length
    const { writes } = await converge(desired)
    expect(ocis.spaces()).toHaveLength(spacesBefore)
    expect(desired.observed.spaceId).toBe(`1284d238-aa92-42ce-bdc4-0b0000009157$${existing.spaceId}`)
    expect((desired.observed.users as Record<string, string>)[owner.mail!]).toBe(owner.id)
    expect(writes.map(write => write.action)).toEqual([
      'ocis.space.update',
      'ocis.user.create',
      'ocis.user.create',
      'ocis.space.member.add',
      'ocis.space.member.add',
      'ocis.space.member.add',
    ])
    expect(grantsOf(desired).admin).toBe(SPACE_MANAGER.id)
    ocis.resetWrites()
    await converge(desired)
    expect(ocis.writes().total).toBe(0)
  })

  it('repairs drift: quota, a removed member, a changed role, a disabled space, a purged space', async () => {
    const desired = tenant()
    await converge(desired)
    const users = desired.observed.users as Record<string, string>
    const before = grantsOf(desired)
    ocis.drift({
      action: 'setQuota',
      spaceId: String(desired.observed.spaceId),
      total: 1,
    })
    ocis.drift({
      action: 'removeMember',
      spaceId: String(desired.observed.spaceId),
      userId: users[desired.members[1]!.email]!,
    })
    ocis.drift({
      action: 'setMemberRole',
      spaceId: String(desired.observed.spaceId),
      userId: users[desired.members[2]!.email]!,
      roleId: SPACE_MANAGER.id,
    })
    ocis.drift({
      action: 'disableSpace',
      spaceId: String(desired.observed.spaceId),
    })
    const { writes } = await converge(desired)
    expect(writes.map(write => write.action)).toEqual(['ocis.space.restore', 'ocis.space.member.add', 'ocis.space.member.update'])
    expect(spaceOf(desired)).toMatchObject({ quotaTotal: 50_000, disabledAt: undefined })
    expect(grantsOf(desired)).toEqual(before)
    ocis.drift({
      action: 'purgeSpace',
      spaceId: String(desired.observed.spaceId),
    })
    const recreated = await converge(desired)
    expect(recreated.writes[0]!.action).toBe('ocis.space.create')
    expect(grantsOf(desired)).toEqual(before)
  })

  it('removes members who left or were deactivated, and strangers, but never its own grant', async () => {
    const desired = tenant()
    await converge(desired)
    const stranger = ocis.addUser({ displayName: 'Eve', onPremisesSamAccountName: 'eve' })
    spaceOf(desired).grants.set(stranger.id, { userId: stranger.id, roleId: SPACE_EDITOR.id })
    desired.members = [
      desired.members[0]!,
      { ...desired.members[1]!, active: false },
    ]
    const { writes } = await converge(desired)
    expect(writes.map(write => write.action).sort()).toEqual(['ocis.space.member.remove', 'ocis.space.member.remove', 'ocis.space.member.remove'])
    expect(Object.keys(grantsOf(desired)).sort()).toEqual(['admin', desired.members[0]!.email].sort())
  })

  it('asks OCIS who it is once when it adopted a space it did not create, then remembers', async () => {
    const desired = tenant()
    ocis.addSpace({ name: desired.slug, description: `dezky:tenant:${desired.slug}`, quotaTotal: 50_000 })
    await converge(desired)
    expect(requests).toContain('GET /graph/v1.0/me')
    expect(desired.observed.selfId).toBe(ocis.admin.id)
    requests = []
    await converge(desired)
    expect(requests).toEqual(['GET /graph/v1beta1/drives'])
  })
})

describe('files step: suspended and absent', () => {
  it('suspend disables the space keeping data and members; resume restores it exactly as before', async () => {
    const desired = tenant()
    await converge(desired)
    const snapshot = () => {
      const { lastModified: _modified, etag: _etag, ...rest } = spaceOf(desired)
      return {
        ...rest,
        grants: [
          ...rest.grants.values(),
        ],
        users: ocis.users().length,
      }
    }
    const before = snapshot()
    const suspended = await converge({ ...desired, mode: 'suspended' })
    expect(suspended.writes.map(write => write.action)).toEqual(['ocis.space.disable'])
    expect(spaceOf(desired).disabledAt).toBeDefined()
    ocis.resetWrites()
    await converge({ ...desired, mode: 'suspended' })
    expect(ocis.writes().total).toBe(0)
    const resumed = await converge(desired)
    expect(resumed.writes.map(write => write.action)).toEqual(['ocis.space.restore'])
    expect(snapshot()).toEqual(before)
  })

  it('absent disables then purges the space; a second run has nothing to do', async () => {
    const desired = tenant()
    await converge(desired)
    const spaceId = String(desired.observed.spaceId)
    const { outcome, writes } = await run({ ...desired, mode: 'absent' })
    expect(writes.map(write => write.action)).toEqual(['ocis.space.disable', 'ocis.space.purge'])
    expect(outcome.observed).toEqual({})
    expect(outcome.outputs).toEqual({})
    expect(ocis.space(spaceId)).toBeUndefined()
    ocis.resetWrites()
    await run({ ...desired, mode: 'absent', observed: {} })
    expect(ocis.writes().total).toBe(0)
  })
})

describe('files step: upstream errors', () => {
  it('5xx is retryable', async () => {
    ocis.setFaults({ errorRate: 1, errorStatus: 503 })
    const error = await upstreamFailure(run(tenant()))
    expect(error.retryable).toBe(true)
    expect(error.details.status).toBe(503)
  })

  it('a hang past the client timeout is retryable', async () => {
    ocis.setFaults({ hangRate: 1, hangMs: 5_000 })
    const error = await upstreamFailure(run(tenant(), createFilesStep(driver({ timeoutMs: 300 }))))
    expect(error.retryable).toBe(true)
    expect(error.message).toMatch(/timed out/)
  })

  it('a connection reset is retryable', async () => {
    ocis.setFaults({ resetRate: 1 })
    expect((await upstreamFailure(run(tenant()))).retryable).toBe(true)
  })

  it('429 is retryable with Retry-After', async () => {
    ocis.setFaults({ rateLimitRate: 1, retryAfterSeconds: 2 })
    const error = await upstreamFailure(run(tenant()))
    expect(error.retryable).toBe(true)
    expect(error.details.retryAfterMs).toBe(2_000)
  })

  it('a refused write (validation 4xx) is permanent and quotes OCIS', async () => {
    const error = await upstreamFailure(run(tenant({ slug: 'not.a.space.name' })))
    expect(error.retryable).toBe(false)
    expect(error.details.status).toBe(400)
    expect(error.message).toContain('invalidRequest')
  })

  it('bad credentials are permanent', async () => {
    const error = await upstreamFailure(run(tenant(), createFilesStep(driver({ bearerToken: 'wrong' }))))
    expect(error.retryable).toBe(false)
    expect(error.details.status).toBe(401)
  })

  it('a fault on a write half-way is retried to the same end state without duplicates', async () => {
    const desired = tenant()
    ocis.setFaults({
      errorRate: 1,
      paths: ['/graph/v1beta1/drives/'],
      writesOnly: true,
    })
    await upstreamFailure(run(desired))
    ocis.clearFaults()
    await converge(desired)
    expect(ocis.spaces().filter(space => space.name === desired.slug)).toHaveLength(1)
    expect(Object.keys(grantsOf(desired))).toHaveLength(4)
  })
})
