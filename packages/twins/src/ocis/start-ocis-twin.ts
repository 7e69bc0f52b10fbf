import type { TwinServer } from '../kit/start-twin-server'
import type { OcisDrift } from './ocis-drift'
import type { OcisSpace, OcisUser } from './ocis-store'
import { randomUUID } from 'node:crypto'
import { sendEmpty } from '../kit/json'
import { startTwinServer } from '../kit/start-twin-server'
import { isAuthenticated, OCIS_TWIN_DEV_APP_TOKEN, OCIS_TWIN_DEV_TOKEN } from './ocis-auth'
import { applyOcisDrift } from './ocis-drift'
import { ocisFaultBody } from './ocis-errors'
import { createOcisStore, createSpace, driveIdOf } from './ocis-store'
import { matchOcisRoute, ocisRoutes } from './route-ocis-request'
import { handleStatusPhp } from './status-php'

/** The twin's admin, whom every accepted credential authenticates as. */
export const OCIS_TWIN_ADMIN: OcisUser = {
  id: 'e6c1e2d5-6a0c-4c58-8a3a-2b9d6f1c0a11',
  displayName: 'Admin',
  onPremisesSamAccountName: 'admin',
  mail: 'admin@ocis.example.test',
  accountEnabled: true,
}

export interface OcisTwinOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  /** Bearer tokens accepted for the admin (default: {@link OCIS_TWIN_DEV_TOKEN}). */
  bearerTokens?: string[]
  /** Basic app-token credentials accepted for the admin (default: `admin` / {@link OCIS_TWIN_DEV_APP_TOKEN}). */
  appTokens?: { user: string, token: string }[]
  /** Quota of a space created without one (OCIS `GRAPH_SPACES_DEFAULT_QUOTA`, default 1 GB). */
  defaultQuota?: number
}

export interface OcisTwin extends TwinServer {
  admin: OcisUser
  spaces: () => OcisSpace[]
  space: (spaceOrDriveId: string) => OcisSpace | undefined
  users: () => OcisUser[]
  /** Adds a user as if created in OCIS's IDM by someone else. */
  addUser: (user: Omit<OcisUser, 'id' | 'accountEnabled'> & { id?: string }) => OcisUser
  /** Adds a project space as if created by the admin in the web UI. */
  addSpace: (input: { name: string, description?: string, quotaTotal?: number }) => OcisSpace
  drift: (input: OcisDrift) => unknown
}

/**
 * Starts a twin of OCIS's libregraph API under `/graph`: project spaces (create, list with `$filter`,
 * update, disable, restore, purge), space-root permissions (invite, list, role change, removal) and the
 * users of OCIS's own IDM — with faults, write counters and `/__twin/` admin endpoints from the kit.
 *
 * @example
 * const ocis = await startOcisTwin()
 * await fetch(`${ocis.url}/graph/v1.0/drives`, { headers: { authorization: `Bearer ${OCIS_TWIN_DEV_TOKEN}` } })
 * await ocis.stop()
 */
export async function startOcisTwin(options: OcisTwinOptions = {}): Promise<OcisTwin> {
  const store = createOcisStore({ ...OCIS_TWIN_ADMIN })
  const auth = {
    bearerTokens: options.bearerTokens ?? [OCIS_TWIN_DEV_TOKEN],
    appTokens: options.appTokens ?? [
      { user: 'admin', token: OCIS_TWIN_DEV_APP_TOKEN },
    ],
  }
  const routes = ocisRoutes({ defaultQuota: options.defaultQuota ?? 1_000_000_000 })
  let baseUrl = ''
  const server = await startTwinServer({
    name: 'ocis',
    port: options.port,
    host: options.host,
    errorBody: ocisFaultBody,
    drift: input => applyOcisDrift(store, input),
    state: () => ({
      users: [
        ...store.users.values(),
      ],
      spaces: [
        ...store.spaces.values(),
      ].map(space => ({
        ...space,
        driveId: driveIdOf(space),
        grants: [
          ...space.grants.values(),
        ],
      })),
    }),
    async handle(req, res, twin) {
      if (twin.url.pathname === '/status.php' && req.method === 'GET')
        return handleStatusPhp(res)
      // The OCIS proxy refuses unauthenticated calls before graph sees them: 401, no body.
      if (!isAuthenticated(req, auth))
        return sendEmpty(res, 401, { 'www-authenticate': 'Bearer realm="ocis", Basic realm="ocis"' })
      const matched = matchOcisRoute(routes, twin.url.pathname)
      if (!matched) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
        res.end('404 page not found\n')
        return
      }
      const handler = matched.route.methods[req.method ?? 'GET']
      if (!handler)
        return sendEmpty(res, 405)
      const principal = store.users.get(OCIS_TWIN_ADMIN.id)!
      await handler({
        req,
        res,
        twin,
        store,
        principal,
        baseUrl,
        version: matched.version,
        params: matched.params,
      })
    },
  })
  baseUrl = server.url
  const spaceOf = (id: string) => store.spaces.get(id.includes('$')
    ? id.split('$')[1]!.split('!')[0]!
    : id)
  return {
    ...server,
    admin: store.users.get(OCIS_TWIN_ADMIN.id)!,
    spaces: () => [
      ...store.spaces.values(),
    ],
    space: spaceOf,
    users: () => [
      ...store.users.values(),
    ],
    addUser(input) {
      const user: OcisUser = { id: input.id ?? randomUUID(), accountEnabled: true, ...input }
      store.users.set(user.id, user)
      return user
    },
    addSpace: input => createSpace(store, {
      name: input.name,
      description: input.description,
      quotaTotal: input.quotaTotal ?? 1_000_000_000,
      creatorId: OCIS_TWIN_ADMIN.id,
    }),
    drift: input => applyOcisDrift(store, input),
  }
}
