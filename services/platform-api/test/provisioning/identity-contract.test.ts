import type { Idp, OpenApiContract } from '@dezky/twins'
import type { DesiredMember } from '../../src/provisioning/step'
import { loadOpenApiContract, SPECS_MISSING, startIdp, upstreamSpecPath } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuthentikDriver } from '../../src/provisioning/identity/authentik-driver'
import { createIdentityStep } from '../../src/provisioning/identity/create-identity-step'
import { createRecoveryLink } from '../../src/provisioning/identity/create-recovery-link'
import { exchangeRecordingFetch } from './recording-fetch'
import { desiredMember, desiredTenant, recordingContext } from './step-fixtures'

const file = upstreamSpecPath('authentik/schema-2026.5.6.yml')
if (!file)
  console.warn(SPECS_MISSING)

interface Exchange {
  method: string
  path: string
  query: string[]
  request: unknown
  status: number
  response: unknown
}

/** `/api/v3/core/groups/<uuid>/add_user/` → `/core/groups/{group_uuid}/add_user/`, as the spec names paths. */
function template(path: string): string {
  return path.replace(/^\/api\/v3/, '')
    .replace(/^\/core\/groups\/[0-9a-f-]{36}\//, '/core/groups/{group_uuid}/')
    .replace(/^\/core\/users\/\d+\//, '/core/users/{id}/')
}

function parameterNames(contract: OpenApiContract, method: string, path: string): string[] {
  return (contract.operation(method, path).parameters ?? []).map((parameter: { $ref?: string, name?: string }) => parameter.$ref
    ? contract.document.components.parameters[parameter.$ref.split('/').pop()!].name
    : parameter.name)
}

describe.skipIf(!file)('the identity driver against the Authentik 2026.5 spec', () => {
  let idp: Idp
  let contract: OpenApiContract
  const exchanges: Exchange[] = []
  const recording = exchangeRecordingFetch(({ method, url, body, status, response }) => exchanges.push({
    method,
    path: new URL(url).pathname,
    query: [
      ...new Set(new URL(url).searchParams.keys()),
    ],
    request: body,
    status,
    response,
  }))
  beforeAll(async () => {
    contract = loadOpenApiContract(file!)
    idp = await startIdp()
  })
  afterAll(() => idp.stop())

  it('sends only documented requests and gets only documented answers, in every mode', async () => {
    const driver = createAuthentikDriver({
      baseUrl: idp.authentik.url,
      apiToken: idp.authentik.apiToken,
      timeoutMs: 2000,
      fetch: recording,
    })
    const step = createIdentityStep(driver)
    const { ctx } = recordingContext()
    const m = (email: string, role: DesiredMember['role'], active = true) => desiredMember(email, { name: email, role, active })
    const desired = desiredTenant({
      id: 't',
      slug: 'contract',
      name: 'Contract',
      plan: 'business',
      members: [
        m('a@contract.example', 'owner'),
        m('b@contract.example', 'admin'),
        m('bruno.teixeira@acme.test', 'member'),
      ],
    })
    const runStep = async () => {
      const outcome = await step.run(desired, ctx)
      desired.observed = outcome.status === 'ok'
        ? outcome.observed
        : {}
    }
    await runStep()
    idp.authentik.drift({ action: 'renameGroup', group: 'tenant:contract:admin', to: 'renamed-away' })
    idp.authentik.drift({ action: 'deleteGroup', group: 'tenant:contract:billing' })
    idp.authentik.drift({ action: 'deactivateUser', username: 'a@contract.example' })
    desired.members = [
      m('a@contract.example', 'owner'),
      m('b@contract.example', 'member'),
      m('c@contract.example', 'admin', false),
    ]
    await runStep()
    await createRecoveryLink(driver, 'a@contract.example')
    desired.mode = 'suspended'
    await runStep()
    desired.mode = 'absent'
    await runStep()

    const operations = new Set<string>()
    for (const exchange of exchanges) {
      const path = template(exchange.path)
      const where = `${exchange.method} ${path} → ${exchange.status}`
      operations.add(`${exchange.method} ${path}`)
      expect(parameterNames(contract, exchange.method, path), `${where} query`).toEqual(expect.arrayContaining(exchange.query))
      if (exchange.request !== undefined)
        expect(contract.requestErrors(exchange.method, path, exchange.request), `${where} request`).toEqual([])
      // A retrieve of a group deleted behind our back: DRF answers 404 {"detail"}, which the spec leaves out.
      if (exchange.status === 404 && exchange.method === 'GET' && path === '/core/groups/{group_uuid}/') {
        expect(exchange.response, where).toEqual({
          detail: expect.any(String),
        })
        continue
      }
      expect(exchange.status, where).toBeLessThan(300)
      expect(contract.responseErrors(exchange.method, path, exchange.status, exchange.response), `${where} response`).toEqual([])
    }
    expect([...operations].sort()).toEqual([
      'DELETE /core/groups/{group_uuid}/',
      'DELETE /core/users/{id}/',
      'GET /core/groups/',
      'GET /core/groups/{group_uuid}/',
      'GET /core/users/',
      'GET /core/users/{id}/',
      'PATCH /core/groups/{group_uuid}/',
      'PATCH /core/users/{id}/',
      'POST /core/groups/',
      'POST /core/groups/{group_uuid}/add_user/',
      'POST /core/groups/{group_uuid}/remove_user/',
      'POST /core/users/',
      'POST /core/users/{id}/recovery/',
    ])
  })
})
