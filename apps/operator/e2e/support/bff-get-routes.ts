import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SEED_PARTNERS, SEED_TENANTS } from './demo'

const API_DIRS = [
  fileURLToPath(new URL('../../server/api', import.meta.url)),
  fileURLToPath(new URL('../../../../packages/ui/server/api', import.meta.url)),
]

/**
 * The value each dynamic segment takes in the crawl: a seeded tenant, a seeded partner, a probe, a flag
 * key (a flag the stack may not have: its 404 must leak nothing either).
 */
const PARAMS: Record<string, string> = {
  tenant: SEED_TENANTS[0]!.slug,
  slug: SEED_PARTNERS[0]!.slug,
  name: 'postgres',
  key: 'portal.setup-checklist',
}

function routeFor(file: string): string {
  const segments = file.replace(/\.get\.ts$/, '').split(sep).filter(segment => segment !== 'index')
  const path = segments.map(segment => segment.replace(/^\[(\w+)\]$/, (_, name: string) => {
    const value = PARAMS[name]
    // A new route with a parameter the crawl cannot fill must not silently escape it.
    if (!value)
      throw new Error(`bff-get-routes: no crawl value for [${name}] (${file})`)
    return value
  }))
  return `/api/${path.join('/')}`
}

function getHandlers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(file => file.endsWith('.get.ts'))
    .map(file => relative(dir, join(dir, file)))
}

/**
 * Every GET route of the console's BFF (its own `server/api` and the layer's), read from the file tree,
 * so a route added later is crawled without anyone listing it here, plus nuxt-oidc-auth's session route.
 */
export function bffGetRoutes(): string[] {
  const routes = API_DIRS.flatMap(dir => getHandlers(dir).map(routeFor))
  return [
    ...new Set([...routes, '/api/_auth/session']),
  ].sort()
}
