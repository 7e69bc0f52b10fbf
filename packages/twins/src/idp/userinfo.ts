import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AccountStore } from './accounts'
import type { SigningKey } from './keys'
import { createLocalJWKSet, jwtVerify } from 'jose'
import { claimsFor, SCOPE_CLAIMS } from './accounts'
import { publicJwk } from './keys'

export interface UserinfoRouteInput {
  issuer: string
  audience: string
  /** A getter: the current keys, which change on rotation. */
  keys: () => readonly SigningKey[]
  accounts: AccountStore
}

function reply(res: ServerResponse, status: number, body: object, challenge?: string) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(challenge
      ? { 'www-authenticate': challenge }
      : {}),
  })
  res.end(JSON.stringify(body))
}

/**
 * The userinfo endpoint for our JWT access tokens. oidc-provider's own endpoint refuses any token that
 * has an audience, yet every token here is for the API (as with Authentik, whose userinfo accepts them).
 */
export function createUserinfoRoute({ issuer, audience, keys, accounts }: UserinfoRouteInput) {
  return async function handleUserinfo(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ')
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      return reply(res, 401, { error: 'invalid_request', error_description: 'no bearer token' }, 'Bearer realm="userinfo"')
    try {
      const jwks = createLocalJWKSet({
        keys: keys().map(publicJwk),
      })
      const { payload } = await jwtVerify(token, jwks, { issuer, audience, typ: 'at+jwt' })
      const user = typeof payload.sub === 'string'
        ? accounts.get(payload.sub)
        : undefined
      const scopes = typeof payload.scope === 'string'
        ? payload.scope.split(' ')
        : []
      if (!user)
        throw new Error('unknown subject')
      if (!scopes.includes('openid'))
        return reply(res, 403, { error: 'insufficient_scope' }, 'Bearer error="insufficient_scope", scope="openid"')
      const available: Record<string, unknown> = {
        sub: user.subject,
        ...claimsFor(user),
      }
      const released = scopes.flatMap(scope => (SCOPE_CLAIMS as Record<string, string[]>)[scope] ?? [])
      reply(res, 200, Object.fromEntries(released.filter(claim => claim in available).map(claim => [claim, available[claim]])))
    }
    catch {
      reply(res, 401, { error: 'invalid_token' }, 'Bearer error="invalid_token"')
    }
  }
}
