import type { TestApi } from './test-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { errorPaths, expectProblem } from './expect-problem'
import { seedFixture } from './fixtures'
import { createTestApi } from './test-api'

let api: TestApi
let token: string

beforeAll(async () => {
  api = await createTestApi()
  await seedFixture(api.database.db)
  token = await api.token(['operator:super_admin'])
})
afterAll(() => api?.close())

async function expectInvalid(response: Response, paths: string[]) {
  const problem = await expectProblem(response, 400, { title: 'Validation failed' })
  expect(errorPaths(problem)).toEqual([...paths].sort())
}

describe('text Postgres cannot store (NUL, unpaired surrogates) is a 400 naming the field', () => {
  it.each([
    [
      '/tenants?q=a%00b',
      ['query.q'],
    ],
    [
      '/audit?actor=a%00b',
      ['query.actor'],
    ],
    [
      '/tenants/acme/members?q=%00&role=owner',
      ['query.q'],
    ],
    [
      '/tenants?a%00=1',
      ['query.a\\u0000'],
    ],
  ])('gET %s', async (path, paths) => {
    await expectInvalid(await api.request('GET', path, { token }), paths)
  })

  it.each([
    [
      '/tenants',
      { slug: 'nul-name', name: 'a\u0000b' },
      ['body.name'],
    ],
    [
      '/tenants',
      {
        slug: 'lone-surrogate',
        name: 'x',
        branding: { productName: '\uD800' },
      },
      ['body.branding.productName'],
    ],
    [
      '/tenants',
      {
        slug: 'in-array',
        name: 'x',
        domains: ['ok.example', 'b\uDC00.example'],
      },
      ['body.domains.1'],
    ],
    [
      '/tenants/acme/subscriptions',
      {
        plan: 'starter',
        externalIds: { stripe: 'sub_\uD83D' },
      },
      ['body.externalIds.stripe'],
    ],
    [
      '/tenants/acme/subscriptions',
      {
        plan: 'starter',
        externalIds: { 'a\u0000': 'x', '\uD800': 'y' },
      },
      ['body.externalIds.a\\u0000', 'body.externalIds.\\ud800'],
    ],
  ])('pOST %s %j', async (path, body, paths) => {
    await expectInvalid(await api.request('POST', path, { token, body }), paths)
  })

  it('accepts well-formed text outside the BMP', async () => {
    const response = await api.request('POST', '/tenants', {
      token,
      body: { slug: 'emoji-co', name: 'Emoji 🚀 Co' },
    })
    expect(response.status).toBe(201)
  })
})

describe('date-times outside years 0001–9999 UTC are a 400 before any query runs', () => {
  it.each([
    [
      '/audit?from=0000-01-01T00:00:00Z',
      ['query.from'],
    ],
    [
      '/audit?to=9999-12-31T23:59:59-23:59',
      ['query.to'],
    ],
    [
      '/audit/export?from=0000-01-01T00:00:00Z',
      ['query.from'],
    ],
    [
      '/audit/export?format=csv&to=9999-12-31T23:59:59-23:59',
      ['query.to'],
    ],
  ])('gET %s', async (path, paths) => {
    await expectInvalid(await api.request('GET', path, { token }), paths)
  })

  it.each([
    [
      { plan: 'starter', periodStart: '0000-01-01T00:00:00Z' },
      ['body.periodStart'],
    ],
    [
      { plan: 'starter', periodEnd: '9999-12-31T23:59:59-23:59' },
      ['body.periodEnd'],
    ],
  ])('pOST subscription %j', async (body, paths) => {
    await expectInvalid(await api.request('POST', '/tenants/acme/subscriptions', { token, body }), paths)
  })

  it('pATCH subscription periodEnd', async () => {
    const { items } = await (await api.request('GET', '/tenants/acme/subscriptions', { token })).json()
    await expectInvalid(await api.request('PATCH', `/tenants/acme/subscriptions/${items[0].id}`, {
      token,
      body: { periodEnd: '0000-12-31T23:59:59Z' },
    }), ['body.periodEnd'])
  })

  it('keeps the edges of the range', async () => {
    const response = await api.request('GET', '/audit?from=0001-01-01T00:00:00Z&to=9999-12-31T23:59:59.999Z', { token })
    expect(response.status).toBe(200)
  })
})

describe('a repeated query parameter is a 400 naming it', () => {
  it.each([
    [
      '/tenants?limit=1&limit=2',
      ['query.limit'],
    ],
    [
      '/tenants?status=active&status=suspended&q=a&q=b',
      ['query.q', 'query.status'],
    ],
    [
      '/audit?cursor=a&cursor=b',
      ['query.cursor'],
    ],
  ])('gET %s', async (path, paths) => {
    await expectInvalid(await api.request('GET', path, { token }), paths)
  })

  it('bracketed array syntax is an unknown parameter', async () => {
    await expectInvalid(await api.request('GET', '/tenants?limit[]=1&limit[]=2', { token }), ['query.limit[]'])
    await expectInvalid(await api.request('GET', '/tenants?status[]=active', { token }), ['query'])
  })
})
