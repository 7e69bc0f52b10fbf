import type { AdapterFactory, Configuration, KoaContextWithOIDC } from 'oidc-provider'
import type { ResourceServerDefinition } from './access-tokens'
import type { AccountStore } from './accounts'
import type { IdpClient } from './clients'
import type { SigningKey } from './keys'
import { errors } from 'oidc-provider'
import { createExtraTokenClaims } from './access-tokens'
import { SCOPE_CLAIMS } from './accounts'
import { toClientMetadata } from './clients'
import { autoLogoutPage, messagePage } from './pages'

export interface ConfigurationInput {
  accounts: AccountStore
  adapter: AdapterFactory
  api: ResourceServerDefinition
  clients: readonly IdpClient[]
  keys: readonly SigningKey[]
  cookieKeys: string[]
}

const DAY = 24 * 60 * 60

/**
 * The resource indicator naming the API. RFC 8707 wants an absolute URI, while Authentik audiences are
 * plain client ids such as `dezky-platform-api`, hence the `urn:` wrapper for those.
 */
export function resourceFor(audience: string): string {
  return URL.parse(audience)
    ? audience
    : `urn:dezky:${audience}`
}

export function apiResourceServer(audience: string, accessTokenTtlSeconds: number): ResourceServerDefinition {
  return {
    resource: resourceFor(audience),
    info: {
      scope: 'openid profile email groups',
      audience,
      accessTokenFormat: 'jwt',
      accessTokenTTL: accessTokenTtlSeconds,
    },
  }
}

function html(ctx: KoaContextWithOIDC, body: string) {
  ctx.type = 'html'
  ctx.body = body
}

export function createConfiguration({ accounts, adapter, api, clients, keys, cookieKeys }: ConfigurationInput): Configuration {
  return {
    adapter,
    clients: clients.map(toClientMetadata),
    jwks: {
      keys: keys.map(key => ({ ...key })),
    },
    findAccount: accounts.findAccount,
    claims: SCOPE_CLAIMS,
    scopes: [
      'openid',
      'offline_access',
      'email',
      'profile',
      'groups',
    ],
    // Authorization code only, as Authentik's confidential providers are set up for Dezky.
    responseTypes: ['code'],
    // Authentik puts the scoped claims in the ID token even when an access token is issued too.
    conformIdTokenClaims: false,
    cookies: { keys: cookieKeys },
    pkce: {
      required: () => true,
    },
    // Authentik issues refresh tokens to auth-code clients without asking for offline_access.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: true,
    extraTokenClaims: createExtraTokenClaims(accounts),
    // The Dezky apps talk to the token endpoint from their servers (BFF), never from browser code.
    clientBasedCORS: () => false,
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
    },
    renderError: async (ctx, out) => {
      html(ctx, messagePage('Erro de autenticação', `${out.error}: ${out.error_description ?? ''}`))
    },
    ttl: {
      AccessToken: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? api.info.accessTokenTTL ?? 300,
      AuthorizationCode: 60,
      IdToken: 60 * 60,
      Interaction: 60 * 60,
      Grant: 14 * DAY,
      RefreshToken: 14 * DAY,
      Session: 14 * DAY,
    },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => html(ctx, autoLogoutPage(form)),
        postLogoutSuccessSource: async ctx => html(ctx, messagePage('Sessão encerrada', 'Você saiu. Já pode fechar esta aba.')),
      },
      resourceIndicators: {
        enabled: true,
        // Clients such as nuxt-oidc-auth never send `resource`; default to the API so tokens are JWTs.
        defaultResource: async () => api.resource,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, indicator) => {
          if (indicator !== api.resource)
            throw new errors.InvalidTarget(`unknown resource ${indicator}`)
          return api.info
        },
      },
    },
  }
}
