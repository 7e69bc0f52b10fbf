import type { TestApi } from './test-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { expectProblem } from './expect-problem'
import { seedFixture } from './fixtures'
import { createTestApi } from './test-api'

let api: TestApi
let token: string

beforeAll(async () => {
  api = await createTestApi({ BODY_LIMIT_BYTES: '4096' })
  await seedFixture(api.database.db)
  token = await api.token(['operator:super_admin'])
})
afterAll(() => api?.close())

describe('bad input answers 4xx problem+json, never a 500 or a stack trace', () => {
  it('malformed JSON', async () => {
    await expectProblem(await api.request('POST', '/tenants', { token, body: '{"slug": "x",' }), 400, { title: 'Malformed JSON' })
  })

  it('wrong types list every offending field', async () => {
    const body = await expectProblem(await api.request('POST', '/tenants', {
      token,
      body: { slug: 42, name: '', plan: 'gold' },
    }), 400, { title: 'Validation failed' })
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.name', 'body.plan', 'body.slug'])
  })

  it('unknown fields', async () => {
    const body = await expectProblem(await api.request('PATCH', '/tenants/acme', {
      token,
      body: { name: 'A', isAdmin: true },
    }), 400)
    expect(body.errors[0].message).toMatch(/isAdmin/)
  })

  it('oversized bodies, declared or streamed', async () => {
    await expectProblem(await api.request('POST', '/tenants', {
      token,
      body: {
        slug: 'big',
        name: 'x'.repeat(10_000),
      },
    }), 413)
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++)
          controller.enqueue(new TextEncoder().encode(' '.repeat(1000)))
        controller.close()
      },
    })
    const response = await api.app.fetch(new Request('http://api.test/tenants', {
      method: 'POST',
      body: stream,
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit))
    await expectProblem(response, 413)
  })

  it('a body that is not JSON', async () => {
    await expectProblem(await api.request('POST', '/tenants', {
      token,
      body: 'slug=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }), 415)
    await expectProblem(await api.app.fetch(new Request('http://api.test/tenants', {
      method: 'POST',
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
    })), 400, { title: 'Missing body' })
  })

  it('bad pagination cursors and limits', async () => {
    for (const cursor of [
      'garbage',
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from('[{},1]').toString('base64url'),
      'x'.repeat(600),
    ])
      await expectProblem(await api.request('GET', `/tenants?cursor=${cursor}`, { token }), 400)
    await expectProblem(await api.request('GET', '/tenants?limit=0', { token }), 400)
    await expectProblem(await api.request('GET', '/tenants?limit=abc', { token }), 400)
    await expectProblem(await api.request('GET', '/tenants?sort=password', { token }), 400)
    await expectProblem(await api.request('GET', '/tenants?unknown=1', { token }), 400)
  })

  it('bad path parameters are 404s', async () => {
    await expectProblem(await api.request('GET', '/tenants/NOT_A_SLUG', { token }), 404)
    await expectProblem(await api.request('PATCH', '/tenants/acme/members/not-a-uuid', { token, body: {} }), 404)
    await expectProblem(await api.request('GET', '/tenants/%ZZ', { token }), 400)
  })

  it('unknown routes and methods', async () => {
    await expectProblem(await api.request('GET', '/nope'), 404, { title: 'Not found' })
    await expectProblem(await api.request('PUT', '/tenants/acme', { token, body: {} }), 404)
  })

  it('conflicts are 409', async () => {
    await expectProblem(await api.request('POST', '/tenants', {
      token,
      body: { slug: 'acme', name: 'Again' },
    }), 409)
    await expectProblem(await api.request('POST', '/partners', {
      token,
      body: { slug: 'nimbus', name: 'Again' },
    }), 409)
  })

  it('pages tenants with filters and sort without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) {
      await api.request('POST', '/tenants', {
        token,
        body: { slug: `page-${i}`, name: `Page ${i % 3}` },
      })
    }
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { slug: string }[], nextCursor: string | null } = await (await api.request('GET', `/tenants?limit=2&sort=name&q=page${cursor
        ? `&cursor=${cursor}`
        : ''}`, { token })).json()
      seen.push(...page.items.map(t => t.slug))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(7)
    expect(new Set(seen).size).toBe(7)
  })
})

describe('request ids, headers and metrics', () => {
  it('propagates a safe X-Request-Id and replaces an unsafe one', async () => {
    const kept = await api.request('GET', '/health', {
      headers: { 'x-request-id': 'abc-123' },
    })
    expect(kept.headers.get('x-request-id')).toBe('abc-123')
    const replaced = await api.request('GET', '/health', {
      headers: { 'x-request-id': 'bad id <script>' },
    })
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    const problem = await (await api.request('GET', '/nope', {
      headers: { 'x-request-id': 'trace-me' },
    })).json()
    expect(problem.requestId).toBe('trace-me')
  })

  it('sets security headers', async () => {
    const response = await api.request('GET', '/health')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('exposes request duration by route template and the DB pool', async () => {
    await api.request('GET', '/tenants/acme', { token })
    const text = await (await api.request('GET', '/metrics')).text()
    expect(text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/tenants\/:slug",status="200"\} \d+/)
    expect(text).toMatch(/db_pool_connections_total \d+/)
  })

  it('serves the OpenAPI document generated from the route table, and its reference page', async () => {
    const document = await (await api.request('GET', '/openapi.json')).json()
    expect(document.openapi).toBe('3.1.0')
    expect(Object.keys(document.paths)).toContain('/tenants/{slug}')
    expect(document.paths['/tenants'].post.requestBody.content['application/json'].schema).toBeDefined()
    const page = await api.request('GET', '/docs')
    expect(await page.text()).toContain('/openapi.json')
    const script = await api.request('GET', '/docs/scalar.js')
    expect(script.status).toBe(200)
  })
})
