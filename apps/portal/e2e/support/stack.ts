// Where the e2e stack listens. Ports differ from `pnpm dev` (3000/4000/4010) so both can run at once.
export const PORTAL_PORT = 3100
export const PORTAL_URL = `http://localhost:${PORTAL_PORT}`
export const IDP_PORT = 4110
export const IDP_ISSUER = `http://localhost:${IDP_PORT}`
export const API_PORT = 4100
export const API_URL = `http://127.0.0.1:${API_PORT}`
export const EMBEDDED_POSTGRES_PORT = 54_340

export const PORTAL_CLIENT = {
  clientId: 'dezky-portal',
  clientSecret: 'dezky-portal-e2e-secret',
  redirectUris: [`${PORTAL_URL}/auth/oidc/callback`],
  postLogoutRedirectUris: [`${PORTAL_URL}/auth/signed-out`],
}

/**
 * The built portal, configured only through environment variables, the way a deployment is: every
 * OIDC key is overridable at runtime because the layer's nuxt.config names them all.
 */
export const PORTAL_ENV: Record<string, string> = {
  PORT: String(PORTAL_PORT),
  HOST: '127.0.0.1',
  NUXT_PLATFORM_API_URL: API_URL,
  NUXT_OIDC_PROVIDERS_OIDC_CLIENT_SECRET: PORTAL_CLIENT.clientSecret,
  NUXT_OIDC_PROVIDERS_OIDC_REDIRECT_URI: PORTAL_CLIENT.redirectUris[0]!,
  NUXT_OIDC_PROVIDERS_OIDC_LOGOUT_REDIRECT_URI: PORTAL_CLIENT.postLogoutRedirectUris[0]!,
  NUXT_OIDC_PROVIDERS_OIDC_AUTHORIZATION_URL: `${IDP_ISSUER}/auth`,
  NUXT_OIDC_PROVIDERS_OIDC_TOKEN_URL: `${IDP_ISSUER}/token`,
  NUXT_OIDC_PROVIDERS_OIDC_USER_INFO_URL: `${IDP_ISSUER}/me`,
  NUXT_OIDC_PROVIDERS_OIDC_LOGOUT_URL: `${IDP_ISSUER}/session/end`,
  NUXT_OIDC_PROVIDERS_OIDC_OPEN_ID_CONFIGURATION: `${IDP_ISSUER}/.well-known/openid-configuration`,
  // Test-only secrets; real deployments generate their own (see apps/portal/.env.example).
  NUXT_OIDC_TOKEN_KEY: 'ZTJlLW9ubHktdG9rZW4ta2V5LTMyLWJ5dGVzLWxvbmc=',
  NUXT_OIDC_SESSION_SECRET: 'e2e-only-session-secret-that-is-at-least-48-characters',
  NUXT_OIDC_AUTH_SESSION_SECRET: 'e2e-only-auth-session-secret-at-least-48-characters',
}
