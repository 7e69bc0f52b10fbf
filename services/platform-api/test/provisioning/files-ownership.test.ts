import type { OcisTwin } from '@dezky/twins'
import type { DesiredMember, DesiredTenant, StepOutcome, UpstreamWrite } from '../../src/provisioning/step'
import { OCIS_TWIN_DEV_TOKEN, SPACE_EDITOR, startOcisTwin } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFilesStep } from '../../src/provisioning/files/create-files-step'
import { createOcisDriver } from '../../src/provisioning/files/create-ocis-driver'
import { desiredMember, desiredTenant, recordingContext } from './step-fixtures'

let ocis: OcisTwin
let counter = 0

beforeAll(async () => {
  ocis = await startOcisTwin()
})
afterAll(() => ocis.stop())

function member(email: string, role: DesiredMember['role']): DesiredMember {
  return desiredMember(email, { role })
}

function tenant(overrides: Partial<DesiredTenant> = {}): DesiredTenant {
  counter++
  return desiredTenant({
    id: `own${counter}`,
    slug: `own-${counter}`,
    name: 'Own Ltda',
    quotas: { mailboxBytes: 5_000, storageBytes: 50_000 },
    members: [
      member(`owner${counter}@own.test`, 'owner'),
    ],
    ...overrides,
  })
}

function step(fetcher: typeof fetch = fetch) {
  return createFilesStep(createOcisDriver({
    baseUrl: ocis.url,
    bearerToken: OCIS_TWIN_DEV_TOKEN,
    timeoutMs: 5_000,
    fetch: fetcher,
  }))
}

async function converge(desired: DesiredTenant, files = step()): Promise<{ outcome: StepOutcome, writes: UpstreamWrite[] }> {
  const { ctx, writes } = recordingContext()
  const outcome = await files.run(desired, ctx)
  desired.observed = outcome.observed ?? {}
  return { outcome, writes }
}

/** A space someone made in OCIS by hand, with a member of its own; `state()` is how it looks now. */
function foreignSpace(name: string, description?: string) {
  const space = ocis.addSpace({ name, description, quotaTotal: 7 })
  const stranger = ocis.addUser({ displayName: 'Stranger', onPremisesSamAccountName: `stranger-${name}` })
  space.grants.set(stranger.id, { userId: stranger.id, roleId: SPACE_EDITOR.id })
  const state = () => {
    const current = ocis.space(space.spaceId)
    return current && JSON.stringify({
      ...current,
      grants: [
        ...current.grants.values(),
      ],
    })
  }
  return {
    id: space.spaceId,
    state,
    before: state(),
  }
}

describe('files step never destroys what Dezky did not create', () => {
  it('ignores a foreign space of the same name: creates its own beside it and never disables or purges it', async () => {
    const desired = tenant()
    const foreign = foreignSpace(desired.slug)
    const present = await converge(desired)
    expect(present.writes[0]!.action).toBe('ocis.space.create')
    expect(desired.observed.spaceId).not.toContain(foreign.id)
    expect(ocis.spaces().filter(space => space.name === desired.slug)).toHaveLength(2)

    await converge({ ...desired, mode: 'suspended' })
    const absent = await converge({ ...desired, mode: 'absent' })
    expect(absent.writes.map(write => write.action)).toEqual(['ocis.space.purge'])
    expect(ocis.spaces().filter(space => space.name === desired.slug)).toHaveLength(1)
    expect(foreign.state()).toBe(foreign.before)

    const again = await converge({ ...desired, mode: 'absent' })
    expect(again.writes).toEqual([])
    expect(ocis.space(foreign.id)).toBeDefined()
  })

  it('ignores a space carrying another tenant\'s marker', async () => {
    const desired = tenant()
    const foreign = foreignSpace(desired.slug, `dezky:tenant:${desired.slug}-other`)
    await converge({ ...desired, mode: 'absent' })
    expect(foreign.state()).toBe(foreign.before)
  })

  it('adopts the space carrying its marker whose id it never recorded (a lost create answer)', async () => {
    const desired = tenant()
    const ours = ocis.addSpace({ name: 'renamed by someone', description: `dezky:tenant:${desired.slug}`, quotaTotal: 50_000 })
    const spaces = ocis.spaces().length
    await converge(desired)
    expect(ocis.spaces()).toHaveLength(spaces)
    expect(desired.observed.spaceId).toContain(ours.spaceId)
  })
})

describe('files step: an OCIS user created meanwhile', () => {
  it('adopts the user another tenant\'s run created between the lookup and the create', async () => {
    const shared = `shared${counter}@both.test`
    const desired = tenant({
      members: [
        member(shared, 'owner'),
      ],
    })
    let raced = false
    const racing: typeof fetch = async (input, init) => {
      if (!raced && init?.method === 'POST' && new URL(String(input)).pathname === '/graph/v1.0/users') {
        raced = true
        ocis.addUser({ displayName: 'Shared', onPremisesSamAccountName: shared, mail: shared })
      }
      return fetch(input, init)
    }
    const { outcome } = await converge(desired, step(racing))
    expect(raced).toBe(true)
    expect(outcome.status).toBe('ok')
    expect(ocis.users().filter(user => user.mail === shared)).toHaveLength(1)
    expect((desired.observed.users as Record<string, string>)[shared]).toBe(ocis.users().find(user => user.mail === shared)!.id)
  })
})
