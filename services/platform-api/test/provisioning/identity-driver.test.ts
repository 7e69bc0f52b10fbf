import type { Idp } from '@dezky/twins'
import type { AuthentikDriver } from '../../src/provisioning/identity/authentik-driver'
import { freePort, startIdp } from '@dezky/twins'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAuthentikDriver } from '../../src/provisioning/identity/authentik-driver'
import { createRecoveryLink } from '../../src/provisioning/identity/create-recovery-link'
import { UpstreamError } from '../../src/provisioning/upstream-error'
import { upstreamFailure } from './step-fixtures'

let idp: Idp
let driver: AuthentikDriver
beforeAll(async () => {
  idp = await startIdp()
  driver = createAuthentikDriver({
    baseUrl: idp.authentik.url.replace('/api/v3', ''),
    apiToken: idp.authentik.apiToken,
    timeoutMs: 300,
  })
})
beforeEach(() => idp.authentik.clearFaults())
afterAll(() => idp.stop())

const listGroups = (d = driver) => d.call('list groups', init => d.core.coreGroupsList({ name: 'tenant:acme:owner' }, init))

describe('the Authentik driver', () => {
  it('talks to the API through the generated client', async () => {
    const { results } = await listGroups()
    expect(results.map(group => group.name)).toEqual(['tenant:acme:owner'])
    expect(results[0]!.usersObj?.map(user => user.username)).toEqual(['renata.campos@acme.test'])
  })

  it.each([
    [
      'a 5xx',
      { errorRate: 1, errorStatus: 503 },
      /answered 503/,
    ],
    [
      'a hang past the timeout',
      { hangRate: 1 },
      /timed out after 300 ms/,
    ],
    [
      'a connection reset',
      { resetRate: 1 },
      /failed: /,
    ],
  ])('turns %s into a retryable error', async (_name, faults, message) => {
    idp.authentik.setFaults(faults)
    const error = await upstreamFailure(listGroups())
    expect(error.retryable).toBe(true)
    expect(error.message).toMatch(message)
  })

  it('turns a 429 into a retryable error that carries Retry-After', async () => {
    idp.authentik.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 })
    const error = await upstreamFailure(listGroups())
    expect(error).toMatchObject({
      retryable: true,
      details: { status: 429, retryAfterMs: 7000 },
    })
  })

  it('turns a validation 400 into a permanent error quoting Authentik', async () => {
    const error = await upstreamFailure(driver.call('create group', init => driver.core.coreGroupsCreate({
      groupRequest: { name: 'tenant:acme:owner' },
    }, init)))
    expect(error).toMatchObject({
      retryable: false,
      details: { status: 400 },
    })
    expect(error.message).toContain('{"name":["This field must be unique."]}')
  })

  it('turns a refused token into a permanent error', async () => {
    const wrong = createAuthentikDriver({ baseUrl: idp.authentik.url, apiToken: 'wrong', timeoutMs: 1000 })
    const error = await upstreamFailure(listGroups(wrong))
    expect(error).toMatchObject({
      retryable: false,
      details: { status: 403 },
    })
    expect(error.message).toContain('Token invalid/expired')
  })

  it('passes an abort of the step\'s signal through as it is', async () => {
    idp.authentik.setFaults({ hangRate: 1 })
    const slow = createAuthentikDriver({ baseUrl: idp.authentik.url, apiToken: idp.authentik.apiToken, timeoutMs: 5000 })
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const error = await slow.call('list', init => slow.core.coreGroupsList({}, init), controller.signal).catch((caught: unknown) => caught)
    expect(error).not.toBeInstanceOf(UpstreamError)
    expect((error as Error).name).toBe('AbortError')
  })

  it('marks a write whose answer was lost as unconfirmed, and nothing else', async () => {
    const createGroup = (d = driver, signal?: AbortSignal) => d.call('create group', init => d.core.coreGroupsCreate({
      groupRequest: { name: `tenant:unconfirmed-${Math.random()}:owner` },
    }, init), signal)
    idp.authentik.setFaults({ lostAnswerRate: 1 })
    expect((await upstreamFailure(createGroup())).details.unconfirmedWrite).toBe('POST /api/v3/core/groups/')
    idp.authentik.setFaults({ hangRate: 1 })
    expect((await upstreamFailure(createGroup())).details.unconfirmedWrite).toBe('POST /api/v3/core/groups/')
    expect((await upstreamFailure(listGroups())).details.unconfirmedWrite).toBeUndefined()
    const slow = createAuthentikDriver({ baseUrl: idp.authentik.url, apiToken: idp.authentik.apiToken, timeoutMs: 5000 })
    const aborted = await upstreamFailure(createGroup(slow, AbortSignal.timeout(50)))
    expect(aborted.details.unconfirmedWrite).toBe('POST /api/v3/core/groups/')
    idp.authentik.setFaults({ errorRate: 1, errorStatus: 503 })
    expect((await upstreamFailure(createGroup())).details.unconfirmedWrite).toBeUndefined()
    // Nothing listens there: refused before a byte was sent.
    const closed = createAuthentikDriver({ baseUrl: `http://127.0.0.1:${await freePort()}`, apiToken: 'x', timeoutMs: 1000 })
    expect((await upstreamFailure(createGroup(closed))).details.unconfirmedWrite).toBeUndefined()
  })

  it('creates a recovery link for a user found by e-mail, and refuses an unknown one', async () => {
    idp.authentik.resetWrites()
    expect(await createRecoveryLink(driver, 'Renata.Campos@acme.test')).toMatch(/\/if\/flow\/default-recovery-flow\/\?flow_token=/)
    expect(idp.authentik.writes().byKind).toEqual({ 'user.recovery': 1 })
    const error = await upstreamFailure(createRecoveryLink(driver, 'nobody@acme.test'))
    expect(error.retryable).toBe(false)
  })
})
