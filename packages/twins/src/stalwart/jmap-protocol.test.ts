import type { StalwartTwin } from './start-stalwart-twin'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStalwartTwin } from './start-stalwart-twin'
import { basicAuth, jmap, result } from './test-client'

let twin: StalwartTwin

beforeAll(async () => {
  twin = await startStalwartTwin({ dkimDelayMs: 20 })
})
afterAll(() => twin.stop())

describe('session', () => {
  it('redirects /.well-known/jmap to the session, which carries absolute URLs and the admin account', async () => {
    const response = await fetch(`${twin.url}/.well-known/jmap`, {
      headers: {
        authorization: basicAuth(twin),
      },
    })
    expect(response.url).toBe(`${twin.url}/jmap/session`)
    const session = await response.json()
    expect(session.apiUrl).toBe(`${twin.url}/jmap/`)
    expect(session.capabilities).toHaveProperty(['urn:ietf:params:jmap:core'])
    expect(session.capabilities).toHaveProperty(['urn:stalwart:jmap'])
    expect(session.username).toBe('admin')
    const accountId = session.primaryAccounts['urn:stalwart:jmap']
    expect(session.accounts[accountId].isPersonal).toBe(true)
    expect(session).toMatchObject({
      downloadUrl: expect.stringContaining(twin.url),
      uploadUrl: expect.any(String),
      eventSourceUrl: expect.any(String),
      state: expect.any(String),
    })
  })

  it('serves an account-less session without credentials, 401 with wrong ones, and accepts the API key', async () => {
    const anonymous = await (await fetch(`${twin.url}/jmap/session`)).json()
    expect(anonymous.accounts).toEqual({})
    const wrong = await fetch(`${twin.url}/jmap/session`, {
      headers: { authorization: 'Bearer nope' },
    })
    expect(wrong.status).toBe(401)
    const bearer = await fetch(`${twin.url}/jmap/session`, {
      headers: { authorization: `Bearer ${twin.apiKey}` },
    })
    expect((await bearer.json()).username).toBe('admin')
  })

  it('refuses API calls without valid credentials', async () => {
    const response = await fetch(`${twin.url}/jmap/`, { method: 'POST', body: '{}' })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ status: 401, title: 'Unauthorized' })
  })
})

describe('requests', () => {
  it('answers /jmap like /jmap/', async () => {
    const { status, body } = await jmap(twin, [
      ['x:Domain/query', {}, 'q'],
    ], undefined, '/jmap')
    expect(status).toBe(200)
    expect(result(body, 'q')).toMatchObject({ ids: [], canCalculateChanges: false })
  })

  it('refuses an unknown capability in `using` as Stalwart does: notRequest, 400, problem JSON', async () => {
    const { status, body } = await jmap(twin, [], ['urn:ietf:params:jmap:core', 'urn:example:nope'])
    expect(status).toBe(400)
    expect(body).toMatchObject({
      type: 'urn:ietf:params:jmap:error:notRequest',
      status: 400,
      detail: expect.stringContaining('urn:example:nope'),
    })
  })

  it('refuses malformed requests and non-JSON bodies', async () => {
    const malformed = await jmap(twin, [
      ['x:Domain/get'],
    ])
    expect(malformed.body.type).toBe('urn:ietf:params:jmap:error:notRequest')
    const notJson = await fetch(`${twin.url}/jmap/`, {
      method: 'POST',
      headers: {
        'authorization': basicAuth(twin),
        'content-type': 'application/json',
      },
      body: '{',
    })
    expect((await notJson.json()).type).toBe('urn:ietf:params:jmap:error:notJSON')
  })

  it('answers unknownMethod for unknown methods and for methods whose capability is not in `using`', async () => {
    const { body } = await jmap(twin, [
      ['x:Nope/get', {}, 'a'],
      ['Mailbox/get', {}, 'b'],
      [
        'Core/echo',
        { hello: 1 },
        'c',
      ],
      ['x:Domain/changes', {}, 'd'],
    ], ['urn:stalwart:jmap'])
    expect(body.methodResponses.map(([name, args]: [string, any]) => [name, args.type])).toEqual([
      ['error', 'unknownMethod'],
      ['error', 'unknownMethod'],
      ['error', 'unknownMethod'],
      ['error', 'unknownMethod'],
    ])
    const echo = await jmap(twin, [
      [
        'Core/echo',
        { hello: 1 },
        'c',
      ],
    ])
    expect(result(echo.body, 'c')).toEqual({ hello: 1 })
  })

  it('resolves result references and reports broken ones', async () => {
    await jmap(twin, [
      [
        'x:Domain/set',
        {
          create: {
            d: { name: 'refs.com' },
          },
        },
        's',
      ],
    ])
    const { body } = await jmap(twin, [
      [
        'x:Domain/query',
        {
          filter: { name: 'refs.com' },
        },
        'q',
      ],
      [
        'x:Domain/get',
        {
          '#ids': { resultOf: 'q', name: 'x:Domain/query', path: '/ids' },
          'properties': ['name'],
        },
        'g',
      ],
      [
        'x:Domain/get',
        {
          '#ids': { resultOf: 'zz', name: 'x:Domain/query', path: '/ids' },
        },
        'bad',
      ],
    ])
    expect(result(body, 'g').list).toEqual([
      {
        id: expect.any(String),
        name: 'refs.com',
      },
    ])
    expect(body.methodResponses[2]).toEqual([
      'error',
      {
        type: 'invalidResultReference',
        description: expect.any(String),
      },
      'bad',
    ])
  })

  it('refuses another accountId and unsupported filters', async () => {
    const { body } = await jmap(twin, [
      [
        'x:Domain/get',
        { accountId: 'zzz' },
        'a',
      ],
      [
        'x:Domain/query',
        {
          filter: { isEnabled: true },
        },
        'b',
      ],
      [
        'x:Domain/query',
        {
          filter: { operator: 'OR', conditions: [] },
        },
        'c',
      ],
    ])
    expect(body.methodResponses.map(([, args]: [string, any]) => args.type)).toEqual(['accountNotFound', 'unsupportedFilter', 'unsupportedFilter'])
  })
})
