import type { StackPorts } from './ports'
import { DEFAULT_PORTS } from './ports'

/**
 * nuxt-oidc-auth settings (`NUXT_OIDC_PROVIDERS_OIDC_*`, honoured for keys the app's nuxt.config sets)
 * that change when the stack runs on other ports than the apps were written for. Empty on the defaults,
 * so the apps' own configuration stays the single source then.
 */
export function oidcOverrides(app: 'portal' | 'operator', ports: StackPorts, issuer: string): Record<string, string> {
  const env: Record<string, string> = {}
  if (ports[app] !== DEFAULT_PORTS[app]) {
    const origin = `http://localhost:${ports[app]}`
    env.NUXT_OIDC_PROVIDERS_OIDC_REDIRECT_URI = `${origin}/auth/oidc/callback`
    env.NUXT_OIDC_PROVIDERS_OIDC_LOGOUT_REDIRECT_URI = `${origin}/`
  }
  if (ports.idp !== DEFAULT_PORTS.idp) {
    env.NUXT_OIDC_PROVIDERS_OIDC_AUTHORIZATION_URL = `${issuer}/auth`
    env.NUXT_OIDC_PROVIDERS_OIDC_TOKEN_URL = `${issuer}/token`
    env.NUXT_OIDC_PROVIDERS_OIDC_USER_INFO_URL = `${issuer}/me`
    env.NUXT_OIDC_PROVIDERS_OIDC_LOGOUT_URL = `${issuer}/session/end`
    env.NUXT_OIDC_PROVIDERS_OIDC_OPEN_ID_CONFIGURATION = `${issuer}/.well-known/openid-configuration`
  }
  return env
}
