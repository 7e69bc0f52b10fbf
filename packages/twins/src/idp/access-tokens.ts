import type { AccessToken, ClientCredentials, KoaContextWithOIDC, Provider, ResourceServer } from 'oidc-provider'
import type { AccountStore } from './accounts'
import { amrFor } from './accounts'

/** Claims a caller of `issueAccessToken` wants instead of the ones read from the user list. */
export interface AccessTokenClaims {
  groups?: string[]
  amr?: string[]
  email?: string
  /** Authentik's email scope reports addresses as verified; tests can say otherwise. */
  emailVerified?: boolean
  name?: string
}

export interface IssueAccessTokenInput extends AccessTokenClaims {
  sub: string
  ttlSeconds?: number
  /** Defaults to the first configured client, the one whose `client_id` the token names. */
  clientId?: string
  /** Defaults to `openid profile email groups`, what the dev clients request. */
  scope?: string
}

// Keyed by the token object itself: extraTokenClaims receives that object, not the caller's input.
const requestedClaims = new WeakMap<object, AccessTokenClaims>()

/**
 * `extraTokenClaims`: Authentik access tokens carry the profile claims, groups and amr, so APIs can
 * authorise from the token alone.
 */
export function createExtraTokenClaims(accounts: AccountStore) {
  return async (ctx: KoaContextWithOIDC | undefined, token: AccessToken | ClientCredentials) => {
    if (!('accountId' in token))
      return undefined
    const requested = requestedClaims.get(token)
    const user = accounts.get(token.accountId)
    // The amr recorded at login travels on the code, then on each rotated refresh token.
    const recorded = ctx?.oidc.entities.AuthorizationCode?.amr ?? ctx?.oidc.entities.RefreshToken?.amr
    return {
      groups: requested?.groups ?? user?.groups ?? [],
      amr: requested?.amr ?? recorded ?? (user
        ? amrFor(user)
        : ['pwd']),
      email: requested?.email ?? user?.email,
      email_verified: requested?.emailVerified ?? true,
      name: requested?.name ?? user?.name,
      preferred_username: user?.username ?? requested?.email,
    }
  }
}

export interface ResourceServerDefinition {
  resource: string
  info: ResourceServer
}

/**
 * Mints an access token through oidc-provider's own model, so it is the token the token endpoint would
 * return for this user (same claims, signature, typ and kid), without a browser round trip.
 */
export async function issueAccessToken(provider: Provider, api: ResourceServerDefinition, input: IssueAccessTokenInput): Promise<string> {
  const { sub, ttlSeconds, clientId, scope = 'openid profile email groups', ...claims } = input
  const client = clientId
    ? await provider.Client.find(clientId)
    : undefined
  if (!client)
    throw new Error(`issueAccessToken needs a configured client, got ${clientId ?? 'none'}`)

  const resourceServer = new provider.ResourceServer(api.resource, api.info)
  const tokenScope = scope.split(' ').filter(s => resourceServer.scopes.has(s)).join(' ')
  const grant = new provider.Grant({ accountId: sub, clientId: client.clientId })
  grant.addOIDCScope(scope)
  grant.addResourceScope(api.resource, tokenScope)
  const grantId = await grant.save()

  const token = new provider.AccessToken({
    accountId: sub,
    client,
    grantId,
    gty: 'authorization_code',
    scope: tokenScope,
    resourceServer,
    ...(ttlSeconds === undefined
      ? {}
      : { expiresIn: ttlSeconds }),
  })
  requestedClaims.set(token, claims)
  return token.save()
}
