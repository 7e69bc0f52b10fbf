import type { OcisTwin } from '@dezky/twins'
import { loadOpenApiContract, OCIS_TWIN_DEV_TOKEN, SPECS_MISSING, startOcisTwin, upstreamSpecPath } from '@dezky/twins'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFilesStep } from '../../src/provisioning/files/create-files-step'
import { createOcisDriver } from '../../src/provisioning/files/create-ocis-driver'
import { exchangeRecordingFetch } from './recording-fetch'
import { desiredMember, desiredTenant, recordingContext } from './step-fixtures'

interface Exchange {
  method: string
  path: string
  requestBody: unknown
  status: number
  responseBody: unknown
}

/** `/graph/v1beta1/drives/<id>/root/permissions/u:<id>` → the spec's `/v1beta1/drives/{drive-id}/root/permissions/{perm-id}`. */
function templateOf(pathname: string): string {
  return pathname
    .replace(/^\/graph/, '')
    .replace(/^(\/v1(?:\.0|beta1)\/drives\/)[^/]+/, '$1{drive-id}')
    .replace(/(\/permissions\/)[^/]+$/, '$1{perm-id}')
}

const specFile = upstreamSpecPath('ocis/libregraph-openapi-v1.0.yaml')

describe.skipIf(!specFile)(`files driver contract (${specFile
  ? 'libregraph'
  : SPECS_MISSING})`, () => {
  let ocis: OcisTwin
  const exchanges: Exchange[] = []
  beforeAll(async () => {
    ocis = await startOcisTwin()
  })
  afterAll(() => ocis.stop())

  it('sends requests and gets answers that validate against the libregraph spec', async () => {
    const step = createFilesStep(createOcisDriver({
      baseUrl: ocis.url,
      bearerToken: OCIS_TWIN_DEV_TOKEN,
      timeoutMs: 5_000,
      fetch: exchangeRecordingFetch(({ method, url, body, status, response }) => exchanges.push({
        method,
        path: new URL(url).pathname,
        requestBody: body,
        status,
        responseBody: response,
      })),
    }))
    const { ctx } = recordingContext()
    const members = ['owner', 'admin', 'member', 'billing'] as const
    const desired = desiredTenant({
      slug: 'contract',
      name: 'Contract',
      quotas: { mailboxBytes: 1, storageBytes: 10_000 },
      members: members.map(role => desiredMember(`${role}@contract.test`, { userId: role, role })),
    })
    // Every operation the driver uses: create, list, invite, role change, removal, user lookup and
    // creation, me, quota update, disable, restore, purge.
    // Ours from a run whose answer was lost: marked, but its id never recorded.
    ocis.addSpace({ name: 'contract', description: 'dezky:tenant:contract' })
    const adopt = await step.run(desired, ctx)
    desired.observed = adopt.observed ?? {}
    const users = desired.observed.users as Record<string, string>
    ocis.drift({
      action: 'setMemberRole',
      spaceId: String(desired.observed.spaceId),
      userId: users['member@contract.test']!,
      roleId: '312c0871-5ef7-4b3a-85b6-0e4074c64049',
    })
    desired.members = desired.members.filter(member => member.role !== 'billing')
    desired.quotas.storageBytes = 20_000
    await step.run(desired, ctx)
    await step.run({ ...desired, mode: 'suspended' }, ctx)
    await step.run(desired, ctx)
    await step.run({ ...desired, mode: 'absent' }, ctx)
    await step.run({ ...desired, observed: {} }, ctx)

    const contract = loadOpenApiContract(specFile!)
    const seen = new Set<string>()
    for (const exchange of exchanges) {
      const template = templateOf(exchange.path)
      seen.add(`${exchange.method} ${template}`)
      expect(contract.requestErrors(exchange.method, template, exchange.requestBody), `request ${exchange.method} ${exchange.path}`).toEqual([])
      expect(contract.responseErrors(exchange.method, template, exchange.status, exchange.responseBody), `response ${exchange.status} ${exchange.method} ${exchange.path}`).toEqual([])
    }
    expect([...seen].sort()).toEqual([
      'DELETE /v1.0/drives/{drive-id}',
      'DELETE /v1beta1/drives/{drive-id}/root/permissions/{perm-id}',
      'GET /v1.0/me',
      'GET /v1.0/users',
      'GET /v1beta1/drives',
      'PATCH /v1.0/drives/{drive-id}',
      'PATCH /v1beta1/drives/{drive-id}/root/permissions/{perm-id}',
      'POST /v1.0/drives',
      'POST /v1.0/users',
      'POST /v1beta1/drives/{drive-id}/root/invite',
    ])
  })
})
