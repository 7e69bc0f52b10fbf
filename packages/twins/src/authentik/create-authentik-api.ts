import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TwinControls } from '../kit/twin-listener'
import type { ApplicationStore, AuthentikApplication, AuthentikApplicationSeed } from './applications'
import type { AuthentikDrift, DriftResult } from './drift'
import type { RecoveryFlow } from './recovery-flow'
import type { AuthentikGroup, AuthentikStore, AuthentikUser } from './store'
import { sendJson } from '../kit/json'
import { createTwinListener } from '../kit/twin-listener'
import { checkApiToken, detail, sendMethodNotAllowed, sendNotFound } from './api-errors'
import { handleApplications } from './application-routes'
import { applicationJson, createApplicationStore } from './applications'
import { applyDrift } from './drift'
import { handleGroups } from './group-routes'
import { AUTHENTIK_HEALTH_PREFIX, handleAuthentikHealth } from './health-routes'
import { InvalidPage } from './list-query'
import { userJson } from './serialize'
import { handleUsers } from './user-routes'

/** The API token the twin accepts unless told otherwise: dev and tests only. */
export const DEV_AUTHENTIK_API_TOKEN = 'dezky-dev-authentik-api-token'

export const AUTHENTIK_API_PREFIX = '/api/v3/'

export interface AuthentikApiOptions {
  store: AuthentikStore
  apiToken: string
  recoveryFlow: RecoveryFlow
  /** The applications `core/applications/` lists (none by default). */
  applications?: readonly AuthentikApplicationSeed[]
}

/** The twin's applications, changeable at run time (an admin adding one in Authentik's UI). */
export interface AuthentikApplicationControls {
  applications: () => AuthentikApplication[]
  addApplication: (input: AuthentikApplicationSeed) => AuthentikApplication
  removeApplication: (slug: string) => boolean
}

/** Whether the brand has a recovery flow: without one `core/users/{id}/recovery/` answers 400. */
export interface AuthentikRecoveryControls {
  setRecoveryFlow: (configured: boolean) => void
}

/** The Authentik `/api/v3` twin served by the same server, and its directory (shared with the logins). */
export interface AuthentikTwin extends TwinControls, AuthentikApplicationControls, AuthentikRecoveryControls {
  /** The API base, `http://<host>:<port>/api/v3` (no trailing slash). */
  url: string
  apiToken: string
  groups: () => AuthentikGroup[]
  users: () => AuthentikUser[]
  /** Changes the directory behind the platform's back, like `POST /__twin/drift`. */
  drift: (input: AuthentikDrift) => DriftResult
}

export interface AuthentikApi extends TwinControls, AuthentikApplicationControls, AuthentikRecoveryControls {
  /** Serves `/api/v3/…` and `/__twin/…`. */
  listener: (req: IncomingMessage, res: ServerResponse) => void
  drift: (input: AuthentikDrift) => DriftResult
}

/**
 * The `/api/v3` subset of Authentik 2026.5 that Dezky calls (core groups, users and the applications list),
 * with the kit's faults, write counters and admin endpoints.
 */
export function createAuthentikApi({ store, apiToken, recoveryFlow, applications: seed }: AuthentikApiOptions): AuthentikApi {
  const applications: ApplicationStore = createApplicationStore(seed)
  const twin = createTwinListener({
    name: 'authentik',
    errorBody: (_status, message) => detail(message),
    drift: input => applyDrift(store, input),
    state: () => ({
      groups: store.groups().map(group => ({
        ...group,
        users: [...group.users],
      })),
      users: store.users().map(user => userJson(store, user, { groups: false, roles: false })),
      applications: applications.list().map(app => ({
        ...applicationJson(app),
        bound_groups: [
          ...(app.boundGroups ?? []),
        ],
      })),
    }),
    async handle(req, res, ctx) {
      const { pathname } = ctx.url
      if (pathname.startsWith(AUTHENTIK_HEALTH_PREFIX))
        return handleAuthentikHealth(res, req.method ?? 'GET', pathname)
      if (!pathname.startsWith(AUTHENTIK_API_PREFIX))
        return sendNotFound(res)
      if (!checkApiToken(req, res, apiToken))
        return
      // Authentik routes only match with the trailing slash; without it the request is refused.
      if (!pathname.endsWith('/'))
        return sendMethodNotAllowed(res, req.method ?? 'GET')
      const [app, model, ...path] = pathname.slice(AUTHENTIK_API_PREFIX.length, -1).split('/')
      try {
        if (app === 'core' && model === 'groups')
          return await handleGroups(store, req, res, ctx, path)
        if (app === 'core' && model === 'users')
          return await handleUsers(store, { recoveryLink: recoveryFlow.link }, req, res, ctx, path)
        if (app === 'core' && model === 'applications')
          return handleApplications(applications, store, req, res, ctx.url, path)
      }
      catch (error) {
        if (error instanceof InvalidPage)
          return sendJson(res, 404, detail(error.message))
        throw error
      }
      sendNotFound(res)
    },
  })
  return {
    ...twin,
    drift: input => applyDrift(store, input),
    applications: applications.list,
    addApplication: applications.add,
    removeApplication: applications.remove,
    setRecoveryFlow: recoveryFlow.setConfigured,
  }
}
