import type { IdpClient } from '@dezky/twins'

/** The upstream twins of the whole product (the IdP's Authentik API shares the IdP's port). */
export interface TwinPorts {
  stalwart: number
  ocis: number
  smtp: number
  /** The SMTP twin's page and JSON of captured mail. */
  smtpHttp: number
  /** The DNS twin (UDP and TCP) the API's domain checks ask (`DNS_SERVERS`). */
  dns: number
}

export interface StackPorts {
  /** The built Nuxt app under test. */
  app: number
  api: number
  idp: number
  /**
   * With twins the stack is the whole product: Authentik on the IdP twin, Stalwart, OCIS, SMTP and DNS
   * twins, the API's reconciler provisioning into them. Without, only the IdP twin and the API.
   */
  twins?: TwinPorts
  /**
   * With a control port the stack also runs the built app (not Playwright's `webServer`), so a test can
   * restart it or change the IdP's token lifetime through {@link stackControl}.
   */
  control?: number
  /**
   * Nothing outside the stack connects to Postgres, so by default it takes any free port: a fixed one in
   * the ephemeral range can be held by an outgoing connection of another test at that moment.
   */
  embeddedPostgres?: number
}

export interface StackLayout {
  ports: StackPorts
  appUrl: string
  idpIssuer: string
  apiUrl: string
  /** The stack's control endpoint for tests, when the stack runs the app (`ports.control`). */
  controlUrl?: string
  /** The app's OIDC client as the IdP twin registers it. */
  client: IdpClient
  /**
   * The built app's environment, the way a deployment configures it: every OIDC key is overridable at
   * runtime because the @dezky/ui layer's nuxt.config names them all.
   */
  appEnv: Record<string, string>
  /** Extra settings for the platform API the stack starts (e.g. a short `PROBE_INTERVAL_SECONDS`). */
  apiEnv: Record<string, string>
}

/**
 * Where one app's e2e stack listens and how the built app reaches it. Each app picks its own ports so the
 * suites can run one after another in one CI job, or beside `pnpm dev` (3000/3001/4000/4010).
 *
 * @example
 * export const STACK = defineStackLayout({
 *   clientId: 'dezky-portal',
 *   ports: { app: 3100, api: 4100, idp: 4110 },
 * })
 */
export function defineStackLayout({ clientId, ports, apiEnv = {} }: { clientId: string, ports: StackPorts, apiEnv?: Record<string, string> }): StackLayout {
  // `localhost`, not 127.0.0.1: the production build sets Secure cookies, which browsers accept there.
  const appUrl = `http://localhost:${ports.app}`
  const idpIssuer = `http://localhost:${ports.idp}`
  const client: IdpClient = {
    clientId,
    clientSecret: `${clientId}-e2e-secret`,
    redirectUris: [`${appUrl}/auth/oidc/callback`],
    postLogoutRedirectUris: [`${appUrl}/auth/signed-out`],
  }
  const apiUrl = `http://127.0.0.1:${ports.api}`
  return {
    ports,
    appUrl,
    idpIssuer,
    apiUrl,
    controlUrl: ports.control === undefined
      ? undefined
      : `http://127.0.0.1:${ports.control}`,
    client,
    apiEnv,
    appEnv: {
      PORT: String(ports.app),
      HOST: '127.0.0.1',
      NUXT_PLATFORM_API_URL: apiUrl,
      NUXT_OIDC_PROVIDERS_OIDC_CLIENT_ID: client.clientId,
      NUXT_OIDC_PROVIDERS_OIDC_CLIENT_SECRET: client.clientSecret,
      NUXT_OIDC_PROVIDERS_OIDC_REDIRECT_URI: client.redirectUris[0]!,
      NUXT_OIDC_PROVIDERS_OIDC_LOGOUT_REDIRECT_URI: client.postLogoutRedirectUris![0]!,
      NUXT_OIDC_PROVIDERS_OIDC_AUTHORIZATION_URL: `${idpIssuer}/auth`,
      NUXT_OIDC_PROVIDERS_OIDC_TOKEN_URL: `${idpIssuer}/token`,
      NUXT_OIDC_PROVIDERS_OIDC_USER_INFO_URL: `${idpIssuer}/me`,
      NUXT_OIDC_PROVIDERS_OIDC_LOGOUT_URL: `${idpIssuer}/session/end`,
      NUXT_OIDC_PROVIDERS_OIDC_OPEN_ID_CONFIGURATION: `${idpIssuer}/.well-known/openid-configuration`,
      // Test-only secrets; real deployments generate their own (see the apps' .env.example).
      NUXT_OIDC_TOKEN_KEY: 'ZTJlLW9ubHktdG9rZW4ta2V5LTMyLWJ5dGVzLWxvbmc=',
      NUXT_OIDC_SESSION_SECRET: 'e2e-only-session-secret-that-is-at-least-48-characters',
      NUXT_OIDC_AUTH_SESSION_SECRET: 'e2e-only-auth-session-secret-at-least-48-characters',
    },
  }
}
