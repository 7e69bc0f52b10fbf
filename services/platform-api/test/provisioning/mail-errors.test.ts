import type { StalwartTwin } from '@dezky/twins'
import { startStalwartTwin } from '@dezky/twins'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMailStep } from '../../src/provisioning/mail/create-mail-step'
import { createJmapClient } from '../../src/provisioning/mail/jmap-client'
import { converge, defaultStep, mailDriver, mailTenant, runStep } from './mail-fixtures'
import { upstreamFailure } from './step-fixtures'

let twin: StalwartTwin

beforeAll(async () => {
  twin = await startStalwartTwin({ dkimDelayMs: 20 })
})
afterEach(() => twin.clearFaults())
afterAll(() => twin.stop())

describe('mail step errors', () => {
  it('turns 5xx into a retryable error', async () => {
    twin.setFaults({ errorRate: 1, errorStatus: 502 })
    const error = await upstreamFailure(runStep(defaultStep(twin), mailTenant()))
    expect(error).toMatchObject({
      retryable: true,
      upstream: 'stalwart',
      details: { status: 502 },
    })
  })

  it('turns a hang past the deadline into a retryable timeout', async () => {
    twin.setFaults({ hangRate: 1 })
    const step = createMailStep(mailDriver(twin, undefined, { timeoutMs: 300 }))
    const error = await upstreamFailure(runStep(step, mailTenant()))
    expect(error.retryable).toBe(true)
    expect(error.message).toContain('timed out after 300 ms')
  })

  it('names the /set calls of a JMAP request whose answer was lost, and never a lost query', async () => {
    const jmap = createJmapClient({
      baseUrl: twin.url,
      credential: { apiKey: twin.apiKey },
      timeoutMs: 2000,
    })
    const signal = new AbortController().signal
    twin.setFaults({ lostAnswerRate: 1, writesOnly: true })
    const lostSet = await upstreamFailure(jmap.call([
      [
        'x:Domain/query',
        {
          filter: { name: 'lost.test' },
        },
        'q',
      ],
      [
        'x:Domain/set',
        {
          create: {
            d: { name: 'lost.test' },
          },
        },
        's',
      ],
    ], signal))
    expect(lostSet.details.unconfirmedWrite).toBe('JMAP x:Domain/set')
    const lostQuery = await upstreamFailure(jmap.call([
      [
        'x:Domain/query',
        {
          filter: { name: 'lost.test' },
        },
        'q',
      ],
    ], signal))
    expect(lostQuery.retryable).toBe(true)
    expect(lostQuery.details.unconfirmedWrite).toBeUndefined()
  })

  it('turns a connection reset into a retryable error', async () => {
    twin.setFaults({ resetRate: 1 })
    expect((await upstreamFailure(runStep(defaultStep(twin), mailTenant()))).retryable).toBe(true)
  })

  it('turns 429 into a retryable error carrying Retry-After', async () => {
    twin.setFaults({ rateLimitRate: 1, retryAfterSeconds: 7 })
    const error = await upstreamFailure(runStep(defaultStep(twin), mailTenant()))
    expect(error).toMatchObject({
      retryable: true,
      details: { status: 429, retryAfterMs: 7_000 },
    })
  })

  it('turns a refused object into a permanent error quoting Stalwart', async () => {
    // `.example` is on neither the Public Suffix List nor Stalwart's reserved TLDs.
    const error = await upstreamFailure(runStep(defaultStep(twin), mailTenant({
      domains: ['acme.example'],
    })))
    expect(error.retryable).toBe(false)
    expect(error.message).toContain('create domain acme.example refused: invalidPatch (name): Invalid domain name')
  })

  it('turns wrong credentials into a permanent error', async () => {
    const step = createMailStep(mailDriver(twin, undefined, { apiKey: 'wrong' }))
    const error = await upstreamFailure(runStep(step, mailTenant()))
    expect(error).toMatchObject({
      retryable: false,
      details: { status: 401 },
    })
  })

  it('tells retryable JMAP method errors from permanent ones', async () => {
    const desired = mailTenant()
    await converge(twin, defaultStep(twin), desired)
    twin.drift({ action: 'failMethod', method: 'x:Domain/get', type: 'serverFail' })
    expect((await upstreamFailure(runStep(defaultStep(twin), desired))).retryable).toBe(true)
    twin.drift({ action: 'failMethod', method: 'x:Domain/get', type: 'serverUnavailable' })
    expect((await upstreamFailure(runStep(defaultStep(twin), desired))).retryable).toBe(true)
    twin.drift({ action: 'failMethod', method: 'x:Account/query', type: 'invalidArguments' })
    const error = await upstreamFailure(runStep(defaultStep(twin), desired))
    expect(error.retryable).toBe(false)
    expect(error.message).toContain('x:Account/query failed with invalidArguments')
    twin.drift({ action: 'failMethod', method: 'x:Account/set', type: 'forbidden' })
    desired.members.pop()
    desired.members.pop()
    expect((await upstreamFailure(runStep(defaultStep(twin), desired))).retryable).toBe(false)
    expect((await runStep(defaultStep(twin), desired)).outcome.status).toBe('ok')
  })

  it('recovers after faults: the next run converges without duplicates', async () => {
    const desired = mailTenant()
    twin.setFaults({ errorRate: 1, writesOnly: true })
    await upstreamFailure(runStep(defaultStep(twin), desired))
    twin.clearFaults()
    const { outcome } = await converge(twin, defaultStep(twin), desired)
    expect(outcome.status).toBe('ok')
    expect(twin.objects('Domain').filter(d => d.name === desired.domains[0])).toHaveLength(1)
  })
})
