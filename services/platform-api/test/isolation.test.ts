import type { Target } from '../src/auth/capabilities'
import type { AnyRoute } from '../src/http/define-route'
import type { Fixture } from './fixtures'
import type { TestPrincipal } from './principals'
import type { TestApi } from './test-api'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can } from '../src/auth/capabilities'
import { partners, tenants } from '../src/db/schema'
import { isMutation } from '../src/http/define-route'
import { ROUTES } from '../src/routes'
import { addMember, fixtureDomain, prepareForRoute, seedFixture } from './fixtures'
import { isFlagRoute, prepareFlagRoute, sampleFlagPath, uniqueFlagBody } from './flags/flag-route-fixture'
import { seedOperator } from './operators/directory'
import { startRouteUpstreams } from './portal/route-upstreams'
import { PRINCIPALS } from './principals'
import { createTestApi } from './test-api'

/*
 * Generated from the route table: every route × every role × two tenants (and two partners). The expected
 * answer comes from the policy table (capabilities.ts); what is checked is that the queries enforce it —
 * a resource outside the caller's scope is 404, a visible one without the capability 403, else success.
 * A new route is covered here with no edit to this file.
 */

let api: TestApi
let fixture: Fixture
const tokens = new Map<string, string>()
let unique = 0

let upstreams: Awaited<ReturnType<typeof startRouteUpstreams>>

beforeAll(async () => {
  upstreams = await startRouteUpstreams()
  api = await createTestApi(upstreams.env, { idp: upstreams.idp })
  fixture = await seedFixture(api.database.db)
  for (const p of PRINCIPALS)
    tokens.set(p.label, await api.token(p.groups, { sub: p.label }))
})
afterAll(async () => {
  await api?.close()
  await upstreams?.stop()
})

const routesOf = (...scopes: string[]) => ROUTES.filter(r => scopes.includes(r.access.scope))

function exampleBody(route: AnyRoute, partnerSlug?: string): unknown {
  if (!route.body)
    return undefined
  const body = structuredClone(route.example?.body ?? {}) as Record<string, unknown>
  const n = ++unique
  if (typeof body.slug === 'string')
    body.slug = `${body.slug}-${n}`
  if (typeof body.email === 'string')
    body.email = `n${n}-${body.email}`
  if (Array.isArray(body.domains))
    body.domains = body.domains.map(domain => `n${n}-${domain}`)
  if ('partnerSlug' in body && partnerSlug)
    body.partnerSlug = partnerSlug
  uniqueFlagBody(route.path, body, n)
  return body
}

async function pathFor(route: AnyRoute, slug: string): Promise<string> {
  const tenant = Object.values(fixture.tenants).find(t => t.slug === slug)
  let path = route.path.replace(':slug', slug)
  if (path.includes(':userId'))
    path = path.replace(':userId', await addMember(api.database.db, tenant!.id, 'member'))
  if (path.includes(':id'))
    path = path.replace(':id', tenant!.subscriptionId)
  path = path.replace(':step', 'identity').replace(':domain', fixtureDomain(slug))
  await prepareForRoute(api.database.db, route.path, tenant!.id)
  return path
}

function expectedStatus(route: AnyRoute, p: TestPrincipal, target: Target, readCapability: 'tenant:read' | 'partner:read'): number {
  if (route.access.scope === 'public' || route.access.scope === 'self')
    throw new Error('not a scoped route')
  if (!can(p.principal, readCapability, target))
    return 404
  return can(p.principal, route.access.capability, target)
    ? route.response.status
    : 403
}

/** The body for an assertion message; an event stream never ends, so it is closed instead. */
async function bodyText(response: Response): Promise<string> {
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel()
    return '(event stream)'
  }
  return response.clone().text()
}

describe.each(routesOf('tenant'))('$method $path (tenant scope)', (route) => {
  it.each(PRINCIPALS.flatMap(p => (['acme', 'globex'] as const).map(slug => ({ p, slug }))))('$p.label on $slug', async ({ p, slug }) => {
    const tenant = fixture.tenants[slug]
    const target = { tenantSlug: tenant.slug, partnerSlug: tenant.partnerSlug }
    const response = await api.request(route.method, await pathFor(route, slug), {
      token: tokens.get(p.label),
      body: exampleBody(route),
    })
    expect(response.status, await bodyText(response)).toBe(expectedStatus(route, p, target, 'tenant:read'))
  })
})

describe.each(routesOf('partner'))('$method $path (partner scope)', (route) => {
  it.each(PRINCIPALS.flatMap(p => (['nimbus', 'stratus'] as const).map(slug => ({ p, slug }))))('$p.label on $slug', async ({ p, slug }) => {
    const response = await api.request(route.method, route.path.replace(':slug', slug), {
      token: tokens.get(p.label),
      body: exampleBody(route),
    })
    expect(response.status, await response.clone().text()).toBe(expectedStatus(route, p, { partnerSlug: slug }, 'partner:read'))
  })
})

/** Global routes that address one operator (`/operators/:id`) get a fresh one, made in the Authentik twin. */
async function globalPathFor(route: AnyRoute): Promise<string> {
  if (isFlagRoute(route.path))
    return prepareFlagRoute(api.database.db, route.path)
  return route.path.includes(':id')
    ? route.path.replace(':id', await seedOperator(upstreams.idp, 'technician'))
    : route.path
}

describe.each(routesOf('global'))('$method $path (global)', (route) => {
  it.each(PRINCIPALS.flatMap(p => (['nimbus', 'stratus'] as const).map(partnerSlug => ({ p, partnerSlug }))))('$p.label for $partnerSlug', async ({ p, partnerSlug }) => {
    const body = exampleBody(route, partnerSlug) as { partnerSlug?: string } | undefined
    const target = body?.partnerSlug
      ? { partnerSlug: body.partnerSlug }
      : undefined
    const response = await api.request(route.method, (await globalPathFor(route)).replace(':name', 'postgres'), {
      token: tokens.get(p.label),
      body,
    })
    const expected = can(p.principal, route.access.scope === 'global'
      ? route.access.capability
      : 'tenant:read', target)
      ? route.response.status
      : 403
    expect(response.status, await bodyText(response)).toBe(expected)
  })
})

/** Partner of every tenant now in the database (earlier tests create some). */
async function partnerOfTenants(): Promise<Map<string, string | null>> {
  const rows = await api.database.db.select({ slug: tenants.slug, partnerSlug: partners.slug }).from(tenants).leftJoin(partners, eq(partners.id, tenants.partnerId))
  return new Map(rows.map(row => [row.slug, row.partnerSlug]))
}

/** The resource an item of a list belongs to, for the policy check. */
function targetOfItem(item: Record<string, unknown>, partnerOf: Map<string, string | null>): Target {
  if ('seq' in item) {
    return {
      tenantSlug: String(item.tenantSlug),
      partnerSlug: partnerOf.get(String(item.tenantSlug)) ?? null,
    }
  }
  if ('status' in item && 'plan' in item) {
    return {
      tenantSlug: String(item.slug),
      partnerSlug: (item.partnerSlug as string | null) ?? null,
    }
  }
  return {
    partnerSlug: String(item.slug),
  }
}

/** What an item is seen through: a user of `GET /users` through each of the memberships listed with them. */
function targetsOfItem(item: Record<string, unknown>, partnerOf: Map<string, string | null>): Target[] {
  if (!Array.isArray(item.memberships)) {
    return [
      targetOfItem(item, partnerOf),
    ]
  }
  return (item.memberships as { tenantSlug: string }[]).map(membership => ({
    tenantSlug: membership.tenantSlug,
    partnerSlug: partnerOf.get(membership.tenantSlug) ?? null,
  }))
}

describe.each(routesOf('list'))('$method $path (list)', (route) => {
  it.each(PRINCIPALS)('$label sees exactly what it may', async (p) => {
    if (isMutation(route))
      throw new Error('list routes are reads')
    // Every page: the flag routes' entries alone fill more than one page of the audit log.
    const items: Record<string, unknown>[] = []
    let cursor: string | null = null
    do {
      const response = await api.request('GET', `${route.path}${route.path.includes('export')
        ? ''
        : `?limit=200${cursor
          ? `&cursor=${encodeURIComponent(cursor)}`
          : ''}`}`, {
        token: tokens.get(p.label),
      })
      expect(response.status).toBe(200)
      if (route.path.endsWith('/export')) {
        items.push(...(await response.text()).split('\n').filter(Boolean).map(line => JSON.parse(line)))
        cursor = null
      }
      else {
        const page = await response.json() as { items: Record<string, unknown>[], nextCursor: string | null }
        items.push(...page.items)
        cursor = page.nextCursor
      }
    } while (cursor)
    const capability = route.access.scope === 'list'
      ? route.access.capability
      : 'tenant:read'
    const partnerOf = await partnerOfTenants()
    for (const item of items) {
      for (const target of targetsOfItem(item, partnerOf))
        expect(can(p.principal, capability, target), JSON.stringify(item)).toBe(true)
    }
    // Completeness: every fixture tenant the principal may see is listed (audit: each has an entry).
    const expectedSlugs = Object.values(fixture.tenants).filter(t => can(p.principal, capability, { tenantSlug: t.slug, partnerSlug: t.partnerSlug })).map(t => t.slug)
    const listedSlugs = new Set(items.flatMap(item => 'memberships' in item
      ? targetsOfItem(item, partnerOf).map(target => target.tenantSlug)
      : [
          ('seq' in item
            ? item.tenantSlug
            : item.slug) as string,
        ]))
    if (capability !== 'partner:read') {
      for (const slug of expectedSlugs)
        expect(listedSlugs.has(slug), `${slug} missing`).toBe(true)
    }
  })
})

describe('every authenticated route', () => {
  it.each(ROUTES.filter(r => r.auth))('$method $path refuses a missing token with 401 problem', async (route) => {
    const response = await api.request(route.method, (isFlagRoute(route.path)
      ? sampleFlagPath(route.path)
      : route.path).replace(':slug', 'acme').replace(':userId', crypto.randomUUID()).replace(':id', crypto.randomUUID()).replace(':step', 'identity').replace(':domain', 'example.com').replace(':name', 'postgres'), {
      body: route.body
        ? {}
        : undefined,
    })
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toContain('application/problem+json')
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/)
  })
})

describe('the route table', () => {
  it('gives every route with a body an example the matrix can send', () => {
    const missing = ROUTES.filter(route => route.body && !route.example?.body).map(route => route.operationId)
    expect(missing, 'add `example: { body }` to these routes').toEqual([])
  })

  it('gives every route an access scope the matrix knows', () => {
    const known = [
      'public',
      'self',
      'list',
      'tenant',
      'partner',
      'global',
    ]
    expect(ROUTES.filter(route => !known.includes(route.access.scope)).map(route => route.operationId)).toEqual([])
  })
})
