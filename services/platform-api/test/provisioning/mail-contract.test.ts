import type { StalwartSchema, StalwartTwin } from '@dezky/twins'
import { loadStalwartSchema, SPECS_MISSING, startStalwartTwin, upstreamSpecPath } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailStep } from '../../src/provisioning/mail/create-mail-step'
import { createStalwartDriver } from '../../src/provisioning/mail/create-stalwart-driver'
import { mailTenant, member } from './mail-fixtures'
import { exchangeRecordingFetch } from './recording-fetch'
import { recordingContext } from './step-fixtures'

const file = upstreamSpecPath('stalwart/schema-v0.16.18.json.gz')

interface Exchange { url: string, request?: any, status: number, response: any }

describe.skipIf(!file)(`mail driver vs Stalwart's v0.16.18 object model${file
  ? ''
  : ` — ${SPECS_MISSING}`}`, () => {
  let schema: StalwartSchema
  let twin: StalwartTwin
  const exchanges: Exchange[] = []

  beforeAll(async () => {
    schema = loadStalwartSchema(file!)
    twin = await startStalwartTwin({ dkimDelayMs: 20 })
    const step = createMailStep(createStalwartDriver({
      baseUrl: twin.url,
      credential: { user: twin.adminUser, secret: twin.adminSecret },
      timeoutMs: 5_000,
      fetch: exchangeRecordingFetch(({ responseUrl, body, status, response }) => exchanges.push({
        url: responseUrl,
        request: body,
        status,
        response,
      })),
    }), { dkimGraceMs: 0 })
    const { ctx } = recordingContext()
    const desired = mailTenant()
    const run = async () => {
      const outcome = await step.run(desired, ctx)
      desired.observed = outcome.observed ?? desired.observed
      await twin.dkimSettled()
    }
    // Every operation the step uses: create, wait, converge, adopt, change, suspend, repair DKIM, remove.
    await run()
    await run()
    desired.members.push(member(`new@${desired.domains[0]}`, false))
    await run()
    desired.mode = 'suspended'
    await run()
    twin.drift({ action: 'deleteDkimSignatures', domain: desired.domains[0]! })
    await run()
    await run()
    desired.mode = 'absent'
    await run()
  })
  afterAll(() => twin?.stop())

  it('reads the session once, as RFC 8620 shapes it', () => {
    const sessions = exchanges.filter(e => !e.request)
    expect(sessions).toHaveLength(1)
    expect(sessions[0]!.url).toMatch(/\/jmap\/session$/)
    expect(sessions[0]!.response).toMatchObject({
      apiUrl: `${twin.url}/jmap/`,
      primaryAccounts: {
        'urn:stalwart:jmap': expect.any(String),
      },
    })
  })

  it('sends only schema objects, properties, variants and filters, with the Stalwart capability', () => {
    const calls = exchanges.filter(e => e.request).flatMap(e => e.request.methodCalls as Array<[string, Record<string, unknown>, string]>)
    expect(new Set(calls.map(([name]) => name))).toEqual(new Set([
      'x:Domain/get',
      'x:Domain/query',
      'x:Domain/set',
      'x:Account/query',
      'x:Account/get',
      'x:Account/set',
      'x:DkimSignature/query',
      'x:DkimSignature/set',
    ]))
    for (const exchange of exchanges.filter(e => e.request))
      expect(exchange.request.using).toEqual(['urn:ietf:params:jmap:core', 'urn:stalwart:jmap'])
    for (const [name, args] of calls)
      expect(schema.methodCallErrors(name, args), name).toEqual([])
  })

  it('gets answers that fit the schema, and no method errors', () => {
    for (const exchange of exchanges.filter(e => e.request)) {
      expect(exchange.status).toBe(200)
      for (const [name, args] of exchange.response.methodResponses as Array<[string, any]>) {
        expect(name).not.toBe('error')
        if (name.endsWith('/get')) {
          for (const object of args.list)
            expect(schema.objectErrors(name.split('/')[0]!, object, 'get'), name).toEqual([])
        }
      }
    }
  })
})
