import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TwinServer } from '../kit/start-twin-server'
import type { DriftOutcome, StalwartDrift } from './drift'
import type { JsonObject, StalwartObjectType } from './types'
import { BodyError, readJson, sendEmpty, sendJson } from '../kit/json'
import { startTwinServer } from '../kit/start-twin-server'
import { checkAuthorization, STALWART_TWIN_ADMIN_SECRET, STALWART_TWIN_ADMIN_USER, STALWART_TWIN_API_KEY } from './auth'
import { createDkimScheduler } from './dkim-scheduler'
import { applyDrift } from './drift'
import { problem, REQUEST_ERROR } from './errors'
import { handleStalwartHealth } from './health'
import { handleApiRequest } from './jmap-api'
import { createRegistryKinds } from './registry-kinds'
import { buildSession } from './session'
import { createStalwartStore } from './store'

export interface StalwartTwinOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  /** The base URL the session advertises (Stalwart's `url_https`); the server's own URL by default. */
  publicUrl?: string
  /** The server's host name: MX exchange and CNAME target in zone files. */
  hostname?: string
  adminUser?: string
  adminSecret?: string
  /** The Bearer API key accepted besides Basic admin credentials. */
  apiKey?: string
  /** How long after a domain gets automatic DKIM its signatures appear (default 300 ms). */
  dkimDelayMs?: number
  /** The MTA-STS policy id in `_mta-sts` records; null when MTA-STS is not configured. */
  mtaStsPolicyId?: string | null
}

export interface StalwartTwin extends TwinServer {
  adminUser: string
  adminSecret: string
  apiKey: string
  /** The objects as `x:<Type>/get` returns them (secrets masked, computed properties included). */
  objects: (type: StalwartObjectType) => JsonObject[]
  drift: (input: StalwartDrift) => DriftOutcome
  /** Resolves once no DKIM key generation is pending. */
  dkimSettled: () => Promise<void>
}

const ADMIN_ACCOUNT_ID = 'a7'
const UNAUTHORIZED = problem(401, 'Unauthorized', 'You have to authenticate first.')

/** Starts the Stalwart v0.16 twin: the JMAP session and API with `x:Domain`, `x:Account`, `x:DkimSignature`. */
export async function startStalwartTwin(options: StalwartTwinOptions = {}): Promise<StalwartTwin> {
  const credentials = {
    adminUser: options.adminUser ?? STALWART_TWIN_ADMIN_USER,
    adminSecret: options.adminSecret ?? STALWART_TWIN_ADMIN_SECRET,
    apiKey: options.apiKey ?? STALWART_TWIN_API_KEY,
  }
  const store = createStalwartStore()
  const dkim = createDkimScheduler(store, options.dkimDelayMs ?? 300)
  const injected = new Map<string, { type: string, times: number }>()
  let baseUrl = options.publicUrl ?? ''
  const zone = {
    hostname: options.hostname ?? 'mail.dezky.test',
    mtaStsPolicyId: options.mtaStsPolicyId === undefined
      ? '20260101T000000'
      : options.mtaStsPolicyId ?? undefined,
    get httpsUrl() {
      return baseUrl
    },
  }
  const kinds = createRegistryKinds(store, zone)
  const objects = (type: StalwartObjectType) => store.list(type).map(object => kinds[type].render(object))
  const drift = (input: unknown) => applyDrift(input, {
    store,
    injectMethodError: (method, type, times) => injected.set(method, { type, times }),
  })

  async function handle(req: IncomingMessage, res: ServerResponse, ctx: { url: URL, countWrite: (kind: string) => void }) {
    const path = ctx.url.pathname
    if (handleStalwartHealth(res, req.method ?? 'GET', path))
      return
    if (req.method === 'GET' && path === '/.well-known/jmap')
      return sendEmpty(res, 307, { 'location': '/jmap/session', 'cache-control': 'no-store' })
    if (path.startsWith('/jmap') && req.method === 'OPTIONS')
      return sendEmpty(res, 204)
    const auth = checkAuthorization(req, credentials)
    if (req.method === 'GET' && (path === '/jmap/session' || path === '/jmap/session/')) {
      if (auth === 'refused')
        return sendJson(res, 401, UNAUTHORIZED, { 'www-authenticate': 'Basic realm="Stalwart Server"' })
      return sendJson(res, 200, auth === 'ok'
        ? buildSession({
            baseUrl,
            accountId: ADMIN_ACCOUNT_ID,
            username: credentials.adminUser,
            state: store.state('Account'),
          })
        : buildSession({ baseUrl }))
    }
    // `/jmap` and `/jmap/` are the same route upstream (http/src/request.rs splits the path on `/`).
    if (req.method === 'POST' && (path === '/jmap' || path === '/jmap/')) {
      if (auth !== 'ok')
        return sendJson(res, 401, UNAUTHORIZED, { 'www-authenticate': 'Basic realm="Stalwart Server"' })
      const type = req.headers['content-type']
      if (type && type.split(';')[0]!.trim().toLowerCase() !== 'application/json')
        return sendJson(res, 400, problem(400, '', 'Failed to parse JSON: The Content-Type header must be application/json.', REQUEST_ERROR.notJson))
      let body: unknown
      try {
        body = await readJson(req, 10_000_000)
      }
      catch (error) {
        if (error instanceof BodyError)
          return sendJson(res, 400, problem(400, '', `Failed to parse JSON: ${error.message}`, REQUEST_ERROR.notJson))
        throw error
      }
      const answer = handleApiRequest(body, {
        store,
        kinds,
        accountId: ADMIN_ACCOUNT_ID,
        sessionState: store.state('Account'),
        countWrite: ctx.countWrite,
        afterWrite: (kind, before, after) => kind.type === 'Domain' && dkim.afterDomainWrite(before, after),
        takeInjectedError(method) {
          const entry = injected.get(method)
          if (!entry)
            return undefined
          if (--entry.times <= 0)
            injected.delete(method)
          return entry.type
        },
      })
      return sendJson(res, answer.status, answer.body, { 'content-type': answer.contentType })
    }
    return sendJson(res, 404, problem(404, 'Not Found', 'The requested resource does not exist on this server.'))
  }

  const server = await startTwinServer({
    name: 'stalwart',
    port: options.port,
    host: options.host,
    handle,
    // JMAP reads and writes are both POSTs and the body is not read yet here: every API call counts.
    isWrite: req => req.method === 'POST',
    errorBody: (status, message) => problem(status, status === 429
      ? 'Too Many Requests'
      : 'Temporarily Unavailable', message),
    drift,
    state: () => ({
      domains: objects('Domain'),
      accounts: objects('Account'),
      dkimSignatures: objects('DkimSignature'),
    }),
  })
  baseUrl ||= server.url
  return {
    ...server,
    ...credentials,
    objects,
    drift,
    dkimSettled: dkim.settled,
    async stop() {
      dkim.stop()
      await server.stop()
    },
  }
}
