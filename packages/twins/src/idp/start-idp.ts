import type { JWTHeaderParameters, JWTPayload } from 'jose'
import type { AddressInfo } from 'node:net'
import type { AuthentikApplicationSeed } from '../authentik/applications'
import type { AuthentikTwin } from '../authentik/create-authentik-api'
import type { IssueAccessTokenInput } from './access-tokens'
import type { IdpClient } from './clients'
import type { IdpUser } from './demo-users'
import type { TokenGrantCounts } from './token-grants'
import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { createServer } from 'node:http'
import { Provider } from 'oidc-provider'
import { AUTHENTIK_API_PREFIX, createAuthentikApi, DEV_AUTHENTIK_API_TOKEN } from '../authentik/create-authentik-api'
import { AUTHENTIK_HEALTH_PREFIX } from '../authentik/health-routes'
import { createRecoveryFlow, RECOVERY_FLOW_PATH } from '../authentik/recovery-flow'
import { createAuthentikStore } from '../authentik/store'
import { issueAccessToken } from './access-tokens'
import { createAccountStore } from './accounts'
import { defaultClients } from './clients'
import { apiResourceServer, createConfiguration } from './configuration'
import { DEMO_USERS } from './demo-users'
import { createInteractionRoutes } from './interactions'
import { loadSigningKeys, rotateSigningKeys, saveSigningKeys, signWithKey } from './keys'
import { createMemoryAdapter } from './memory-adapter'
import { createTokenGrantCounter } from './token-grants'
import { createUserinfoRoute } from './userinfo'

export interface IdpOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
  /** Defaults to `http://localhost:<port>`; must be a localhost origin, which browsers treat as secure. */
  issuer?: string
  audience?: string
  clients?: IdpClient[]
  users?: readonly IdpUser[]
  accessTokenTtlSeconds?: number
  /** JSON file holding the private signing keys; created when missing. Without it keys live in memory. */
  keystoreFile?: string
  /** Keys signing the IdP's cookies, newest first; random per start when absent. */
  cookieKeys?: string[]
  /** The Bearer token the `/api/v3` twin accepts; {@link DEV_AUTHENTIK_API_TOKEN} by default. */
  apiToken?: string
  /** Applications the Authentik API lists (`core/applications/`); none by default. */
  applications?: readonly AuthentikApplicationSeed[]
}

export interface Idp {
  issuer: string
  audience: string
  jwksUri: string
  stop: () => Promise<void>
  /** A new signing key becomes current; the previous one stays in the JWKS unless `keepPrevious` is false. */
  rotateKeys: (options?: { keepPrevious?: boolean }) => Promise<{ kid: string }>
  issueAccessToken: (input: IssueAccessTokenInput) => Promise<string>
  /** Signs any payload with the current key, for tests that forge expired or misaddressed tokens. */
  signJwt: (payload: JWTPayload, header?: Partial<JWTHeaderParameters>) => Promise<string>
  /** Lifetime of access tokens issued from now on, e.g. short so a test sees its client refresh. */
  setAccessTokenTtl: (seconds: number) => void
  /** Successful token-endpoint grants by type since the start or the last reset. */
  tokenGrants: () => TokenGrantCounts
  resetTokenGrants: () => void
  authentik: AuthentikTwin
}

function checkIssuer(issuer: string): string {
  const url = new URL(issuer)
  const localhost = url.hostname === 'localhost' || url.hostname.endsWith('.localhost')
  if (!localhost || !['http:', 'https:'].includes(url.protocol))
    throw new Error(`issuer ${issuer} must be a http(s)://localhost URL: browsers only treat those as secure without TLS`)
  // oidc-provider serves its routes from the root; an Authentik-style /application/o/<slug>/ path would 404.
  if (url.pathname !== '/' || url.search || url.hash)
    throw new Error(`issuer ${issuer} must be an origin without a path`)
  return url.origin
}

/**
 * Starts an OpenID provider that behaves like Dezky's Authentik: JWT access tokens for the API audience,
 * the `groups` claim, `amr`, refresh tokens and RP-initiated logout.
 *
 * @example
 * const idp = await startIdp({ port: 0 })
 * const token = await idp.issueAccessToken({ sub: DEMO_USERS[0].subject })
 * await idp.stop()
 */
export async function startIdp(options: IdpOptions = {}): Promise<Idp> {
  const audience = options.audience ?? 'dezky-platform-api'
  const api = apiResourceServer(audience, options.accessTokenTtlSeconds ?? 300)
  const users = options.users ?? DEMO_USERS
  const directory = createAuthentikStore(users)
  const accounts = createAccountStore(directory)
  const clients = options.clients ?? defaultClients()
  const cookieKeys = options.cookieKeys ?? [
    randomBytes(32).toString('base64url'),
  ]
  let keys = await loadSigningKeys(options.keystoreFile)

  const server = createServer()
  server.listen(options.port ?? 0, options.host ?? '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  let issuer: string
  try {
    issuer = checkIssuer(options.issuer ?? `http://localhost:${port}`)
  }
  catch (error) {
    server.close()
    throw error
  }

  // oidc-provider reads its keys once, so rotation builds a new provider; sessions, grants and
  // interactions survive because every provider built here shares this adapter.
  const adapter = createMemoryAdapter()
  const grants = createTokenGrantCounter()
  const build = () => grants.watch(new Provider(issuer, createConfiguration({
    accounts,
    adapter,
    api,
    clients,
    keys,
    cookieKeys,
  })))
  let provider = build()
  let callback = provider.callback()
  const interactions = createInteractionRoutes({
    provider: () => provider,
    accounts,
    users,
  })
  const userinfo = createUserinfoRoute({
    issuer,
    audience,
    keys: () => keys,
    accounts,
  })

  const apiToken = options.apiToken ?? DEV_AUTHENTIK_API_TOKEN
  const recoveryFlow = createRecoveryFlow(directory, () => issuer)
  const { listener: authentikListener, drift, ...authentikControls } = createAuthentikApi({
    store: directory,
    apiToken,
    recoveryFlow,
    applications: options.applications,
  })

  const userinfoPath = provider.pathFor('userinfo')
  server.on('request', (req, res) => {
    const { pathname } = new URL(req.url ?? '/', issuer)
    // Only the Authentik API, its health endpoints and the twin's admin endpoints go through the
    // fault-injecting listener: a probe can be made to fail without breaking the logins.
    if (pathname.startsWith(AUTHENTIK_API_PREFIX) || pathname.startsWith(AUTHENTIK_HEALTH_PREFIX) || pathname.startsWith('/__twin/'))
      authentikListener(req, res)
    else if (pathname === RECOVERY_FLOW_PATH)
      recoveryFlow.handle(req, res, new URL(req.url ?? '/', issuer)).catch(() => res.destroy())
    else if (pathname.startsWith('/interaction/'))
      void interactions(req, res, pathname.split('/').slice(2))
    else if (pathname === userinfoPath)
      void userinfo(req, res)
    else
      void callback(req, res)
  })

  const apiHost = ['0.0.0.0', '::'].includes(options.host ?? '127.0.0.1')
    ? '127.0.0.1'
    : options.host ?? '127.0.0.1'
  return {
    issuer,
    audience,
    jwksUri: provider.urlFor('jwks'),
    async stop() {
      const closed = once(server, 'close')
      server.close()
      server.closeAllConnections()
      await closed
    },
    async rotateKeys({ keepPrevious = true } = {}) {
      keys = await rotateSigningKeys(keys, keepPrevious)
      if (options.keystoreFile)
        await saveSigningKeys(options.keystoreFile, keys)
      provider = build()
      callback = provider.callback()
      return { kid: keys[0]!.kid }
    },
    issueAccessToken: input => issueAccessToken(provider, api, { ...input, clientId: input.clientId ?? clients[0]?.clientId }),
    signJwt: (payload, header) => signWithKey(keys[0]!, payload, header),
    // The resource server's info object is what the TTL function and every new token read.
    setAccessTokenTtl: (seconds) => {
      api.info.accessTokenTTL = seconds
    },
    tokenGrants: grants.counts,
    resetTokenGrants: grants.reset,
    authentik: {
      ...authentikControls,
      url: `http://${apiHost.includes(':')
        ? `[${apiHost}]`
        : apiHost}:${port}/api/v3`,
      apiToken,
      groups: directory.groups,
      users: directory.users,
      drift,
    },
  }
}
