import type { JwksCache } from './jwks-cache'
import type { Principal } from './principal'
import { errors, jwtVerify } from 'jose'
import { Problem } from '../http/problem'
import { JwksUnavailableError } from './jwks-cache'
import { principalFromClaims } from './principal'
import { VerifiedTokenCache } from './verified-token-cache'

export interface TokenVerifierOptions {
  issuer: string
  audience: string | string[]
  jwks: JwksCache
  clockToleranceSeconds: number
  /** Operator roles only count in tokens whose `amr` shows a second factor (default true). */
  requireOperatorMfa?: boolean
  /** Required JOSE header `typ` (e.g. `at+jwt`); unset accepts any. */
  typ?: string
  /** Verified tokens remembered until they expire (default 10 000; 0 turns the cache off). */
  cacheMaxEntries?: number
}

/** Asymmetric algorithms only: an HS256 token signed with a public key as secret must never verify. */
const ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
]

export type TokenVerifier = (authorization: string | null) => Promise<Principal>

/**
 * Verifies `Authorization: Bearer <JWT>` and returns the principal. Every failure is a 401 problem with
 * a WWW-Authenticate challenge (RFC 6750 §3); none is a 500.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const cache = new VerifiedTokenCache(options.cacheMaxEntries ?? 10_000)
  return async (authorization) => {
    const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/i.exec(authorization?.trim() ?? '')
    if (!match)
      throw unauthorized(authorization ? 'The Authorization header is not a Bearer JWT.' : 'Sign in: this operation needs a Bearer token.', !!authorization)
    const token = match[1]!
    const keysGeneration = options.jwks.generation
    const cached = cache.get(token, keysGeneration, Date.now() / 1000)
    if (cached) {
      options.jwks.refreshIfDue()
      return cached
    }
    try {
      const { payload } = await jwtVerify(token, options.jwks.getKey, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        clockTolerance: options.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp', 'iat'],
        ...(options.typ
          ? { typ: options.typ }
          : {}),
      })
      const principal = principalFromClaims(payload, { requireOperatorMfa: options.requireOperatorMfa ?? true })
      cache.set(token, principal, payload.exp!, keysGeneration)
      return principal
    }
    catch (error) {
      if (error instanceof JwksUnavailableError) {
        throw new Problem(503, 'Service unavailable', {
          detail: error.message,
          headers: { 'retry-after': '5' },
        })
      }
      throw unauthorized(describe(error), true)
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired)
    return 'The token has expired.'
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The token's "${error.claim}" claim is not acceptable.`
  if (error instanceof errors.JWKSNoMatchingKey)
    return 'The token was signed by a key the identity provider does not publish.'
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'The token signature is invalid.'
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported)
    return 'The token algorithm is not accepted.'
  return 'The token is invalid.'
}

function unauthorized(detail: string, invalidToken: boolean): Problem {
  const challenge = invalidToken ? 'Bearer error="invalid_token"' : 'Bearer'
  return new Problem(401, 'Unauthorized', {
    detail,
    headers: { 'www-authenticate': challenge },
  })
}
