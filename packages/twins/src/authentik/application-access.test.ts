import type { Idp } from '../idp/start-idp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startIdp } from '../idp/start-idp'
import { requestJson } from '../testing/request-json'
import { loadOpenApiContract, SPECS_MISSING, upstreamSpecPath } from '../testing/upstream-specs'
import { DEMO_APPLICATIONS } from './applications'

let idp: Idp
const pks: Record<string, number> = {}

function call(path: string, method = 'GET', body?: unknown) {
  return requestJson(`${idp.authentik.url}${path}`, method, body, { authorization: `Bearer ${idp.authentik.apiToken}` })
}

async function userIn(username: string, groups: string[]): Promise<number> {
  const user = await call('/core/users/', 'POST', { username, name: username })
  for (const uuid of groups)
    expect((await call(`/core/groups/${uuid}/add_user/`, 'POST', { pk: user.body.pk })).status).toBe(204)
  return user.body.pk
}

beforeAll(async () => {
  idp = await startIdp({
    applications: [
      ...DEMO_APPLICATIONS,
      {
        slug: 'acme-erp',
        name: 'Acme ERP',
        launchUrl: 'https://erp.acme.test/',
        boundGroups: ['tenant:initech:member', 'tenant:initech:owner'],
      },
      {
        slug: 'globex-bi',
        name: 'Globex BI',
        launchUrl: 'https://bi.globex.test/',
        boundGroups: ['tenant:umbrella:member'],
      },
      {
        slug: 'both',
        name: 'Both',
        launchUrl: 'https://both.test/',
        boundGroups: ['tenant:initech:member', 'staff'],
        policyEngineMode: 'all',
      },
      {
        slug: 'nobody',
        name: 'Nobody',
        launchUrl: 'https://nobody.test/',
        boundGroups: ['no-such-group'],
      },
    ],
  })
  const group = async (name: string, parents: string[] = []) => {
    const created = await call('/core/groups/', 'POST', { name, parents })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    return created.body.pk as string
  }
  const staff = await group('staff')
  const acme = await group('tenant:initech:member', [staff])
  const globex = await group('tenant:umbrella:member')
  pks.acme = await userIn('ana@acme.test', [acme])
  pks.globex = await userIn('gil@globex.test', [globex])
  pks.both = await userIn('bea@acme.test', [acme, staff])
  pks.loner = await userIn('lou@example.test', [])
})
afterAll(() => idp.stop())

const slugs = (body: { results: { slug: string }[] }) => body.results.map(app => app.slug)

describe('the applications a user may open (for_user)', () => {
  it('keeps unbound applications for everyone and bound ones for members of a bound group', async () => {
    // `both` too: see the next test.
    expect(slugs((await call(`/core/applications/?for_user=${pks.acme}`)).body)).toEqual(['acme-erp', 'both', 'crm', 'wiki'])
    expect(slugs((await call(`/core/applications/?for_user=${pks.globex}`)).body)).toEqual(['crm', 'globex-bi', 'wiki'])
    expect(slugs((await call(`/core/applications/?for_user=${pks.loner}`)).body)).toEqual(['crm', 'wiki'])
  })

  it('evaluates `all` against every binding, counting membership of a parent group through its child', async () => {
    // ana is in tenant:initech:member, whose parent is staff: a member of both for Authentik.
    expect(slugs((await call(`/core/applications/?for_user=${pks.acme}&slug=both`)).body)).toEqual(['both'])
    expect(slugs((await call(`/core/applications/?for_user=${pks.both}&slug=both`)).body)).toEqual(['both'])
    expect(slugs((await call(`/core/applications/?for_user=${pks.globex}&slug=both`)).body)).toEqual([])
  })

  it('filters after paging, so `count` stays the total and a page may come back short', async () => {
    const page = (await call(`/core/applications/?for_user=${pks.loner}&page_size=3&page=1`)).body
    expect(page.pagination).toMatchObject({ count: 6, next: 2 })
    // By name the first page is Acme ERP, Both and CRM, of which only CRM is open to everyone.
    expect(slugs(page)).toEqual(['crm'])
  })

  it('shows the token\'s own account (in no group) the unbound ones, and a superuser\'s full list everything', async () => {
    expect(slugs((await call('/core/applications/?only_with_launch_url=true')).body)).toEqual(['crm', 'wiki'])
    expect(slugs((await call('/core/applications/?superuser_full_list=true')).body)).toHaveLength(6)
  })

  it('answers 400 for a user it cannot find', async () => {
    expect(await call('/core/applications/?for_user=99999')).toEqual({
      status: 400,
      body: { for_user: 'User not found' },
    })
    expect((await call('/core/applications/?for_user=ana')).status).toBe(400)
  })

  it('shows the bindings in the state', async () => {
    const state = await requestJson(`${new URL(idp.authentik.url).origin}/__twin/state`, 'GET')
    expect(state.body.applications.find((app: { slug: string }) => app.slug === 'both')).toMatchObject({
      bound_groups: ['tenant:initech:member', 'staff'],
      policy_engine_mode: 'all',
    })
  })
})

const file = upstreamSpecPath('authentik/schema-2026.5.6.yml')

describe.skipIf(!file)(`for_user against the 2026.5 spec${file
  ? ''
  : ` (${SPECS_MISSING})`}`, () => {
  const nullableAllOf = /\/(?:provider_obj|meta_icon_themed_urls) must be object/
  it('takes the documented query parameters and answers documented bodies', async () => {
    const contract = loadOpenApiContract(file!)
    const parameters = contract.operation('GET', '/core/applications/').parameters as { name?: string, schema?: { type?: string } }[]
    const typeOf = (name: string) => parameters.find(parameter => parameter.name === name)?.schema?.type
    expect(typeOf('for_user')).toBe('integer')
    expect(typeOf('superuser_full_list')).toBe('boolean')
    expect(typeOf('only_with_launch_url')).toBe('boolean')
    for (const path of [`/core/applications/?for_user=${pks.acme}`, '/core/applications/?superuser_full_list=true']) {
      const answer = await call(path)
      const errors = contract.responseErrors('GET', '/core/applications/', answer.status, answer.body).filter(error => !nullableAllOf.test(error))
      expect(errors, path).toEqual([])
    }
    const unknown = await call('/core/applications/?for_user=99999')
    expect(contract.responseErrors('GET', '/core/applications/', unknown.status, unknown.body)).toEqual([])
  })
})
