import type { Idp } from '@dezky/twins'
import type { H3 } from 'h3'
import type { JwksCache } from '../src/auth/jwks-cache'
import type { AppDeps } from '../src/deps'
import type { TestDatabase } from './test-database'
import { startIdp } from '@dezky/twins'
import pino from 'pino'
import { createApp } from '../src/app'
import { tokenVerificationFromConfig } from '../src/auth/token-verification'
import { loadConfig } from '../src/config'
import { createFlagRuntime } from '../src/flag-evaluation/flag-runtime'
import { createOperatorEvents } from '../src/operator-events/operator-events'
import { createProvisioningEvents } from '../src/provisioning/provisioning-events'
import { createMetrics } from '../src/system/metrics'
import { createTestDatabase } from './test-database'

export interface TestApi {
  app: H3
  idp: Idp
  jwks: JwksCache
  database: TestDatabase
  deps: AppDeps
  /** A real access token from the twin IdP for a principal holding these groups (operators pass MFA unless `amr` says otherwise). */
  token: (groups: string[], extra?: { sub?: string, amr?: string[], email?: string, name?: string }) => Promise<string>
  request: (method: string, path: string, options?: { token?: string, body?: unknown, headers?: Record<string, string> }) => Promise<Response>
  close: () => Promise<void>
}

let subjects = 0

/**
 * The API as tests use it: a real IdP twin on a loopback port, a real Postgres database, and the app
 * called through `app.fetch` without a port.
 */
export async function createTestApi(env: Record<string, string> = {}, options: { idp?: Idp } = {}): Promise<TestApi> {
  // A caller that passes its IdP (e.g. the twins of the provisioning tests) also stops it.
  const idp = options.idp ?? await startIdp({ port: 0 })
  const database = await createTestDatabase()
  const config = loadConfig({
    OIDC_ISSUER: idp.issuer,
    OIDC_AUDIENCE: idp.audience,
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    ...env,
  })
  const { jwks, verifyToken } = tokenVerificationFromConfig(config)
  const deps: AppDeps = {
    config,
    db: database.db,
    logger: pino({ level: 'silent' }),
    verifyToken,
    metrics: createMetrics(database.db.$client),
    provisioningEvents: createProvisioningEvents(database.db, pino({ level: 'silent' })),
    operatorEvents: createOperatorEvents(database.db, pino({ level: 'silent' })),
    flags: createFlagRuntime(database.db, config, pino({ level: 'silent' })),
  }
  const app = createApp(deps)
  return {
    app,
    idp,
    jwks,
    database,
    deps,
    token: (groups, extra = {}) => idp.issueAccessToken({
      sub: extra.sub ?? `test-subject-${++subjects}`,
      groups,
      amr: extra.amr ?? (groups.some(g => g.startsWith('operator:'))
        ? ['pwd', 'otp']
        : ['pwd']),
      email: extra.email,
      name: extra.name,
    }),
    request: (method, path, options = {}) => Promise.resolve(app.fetch(new Request(`http://api.test${path}`, {
      method,
      headers: {
        ...(options.token
          ? { authorization: `Bearer ${options.token}` }
          : {}),
        ...(options.body !== undefined
          ? { 'content-type': 'application/json' }
          : {}),
        ...options.headers,
      },
      body: options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
    }))),
    close: async () => {
      await deps.provisioningEvents.close()
      await deps.operatorEvents.close()
      await deps.flags.close()
      await database.drop()
      if (!options.idp)
        await idp.stop()
    },
  }
}
