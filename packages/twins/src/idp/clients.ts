import type { ClientMetadata } from 'oidc-provider'

export interface IdpClient {
  clientId: string
  clientSecret: string
  redirectUris: string[]
  postLogoutRedirectUris?: string[]
}

export interface DefaultClientSecrets {
  portal?: string
  operator?: string
}

/**
 * The two Nuxt apps as `pnpm dev` runs them (see packages/ui/nuxt.config.ts): nuxt-oidc-auth's generic
 * provider calls back on /auth/oidc/callback and the apps return to /auth/signed-out after logout.
 */
export function defaultClients(secrets: DefaultClientSecrets = {}): IdpClient[] {
  return [
    {
      clientId: 'dezky-portal',
      clientSecret: secrets.portal ?? 'dezky-portal-dev-secret',
      redirectUris: ['http://localhost:3000/auth/oidc/callback'],
      postLogoutRedirectUris: ['http://localhost:3000/', 'http://localhost:3000/auth/signed-out'],
    },
    {
      clientId: 'dezky-operator',
      clientSecret: secrets.operator ?? 'dezky-operator-dev-secret',
      redirectUris: ['http://localhost:3001/auth/oidc/callback'],
      postLogoutRedirectUris: ['http://localhost:3001/', 'http://localhost:3001/auth/signed-out'],
    },
  ]
}

/**
 * Confidential auth-code clients, like Authentik OAuth2 providers of type "confidential". oidc-provider
 * accepts the secret in the body (client_secret_post) as well as in Basic auth for either method, so one
 * registered method covers both.
 */
export function toClientMetadata(client: IdpClient): ClientMetadata {
  return {
    client_id: client.clientId,
    client_secret: client.clientSecret,
    redirect_uris: client.redirectUris,
    post_logout_redirect_uris: client.postLogoutRedirectUris ?? [],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }
}
