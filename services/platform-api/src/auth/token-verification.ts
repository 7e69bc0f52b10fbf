import type { Config } from '../config'
import type { TokenVerifier } from './verify-token'
import { createJwksUrlResolver } from './discovery'
import { JwksCache } from './jwks-cache'
import { createTokenVerifier } from './verify-token'

export interface TokenVerification {
  jwks: JwksCache
  verifyToken: TokenVerifier
}

/**
 * The API's token verification as configured: the issuer's keys (discovered, cached) and a verifier with
 * every check the settings ask for. `overrides` let a benchmark share one key cache between two verifiers.
 */
export function tokenVerificationFromConfig(config: Config, overrides: { jwks?: JwksCache, cacheMaxEntries?: number } = {}): TokenVerification {
  const jwks = overrides.jwks ?? new JwksCache({
    resolveUrl: createJwksUrlResolver(config.OIDC_ISSUER, config.OIDC_JWKS_URL),
    cooldownMs: config.OIDC_JWKS_COOLDOWN_MS,
  })
  const verifyToken = createTokenVerifier({
    issuer: config.OIDC_ISSUER,
    audience: config.OIDC_AUDIENCE,
    jwks,
    clockToleranceSeconds: config.OIDC_CLOCK_TOLERANCE_S,
    requireOperatorMfa: config.OPERATOR_REQUIRE_MFA,
    cacheMaxEntries: overrides.cacheMaxEntries ?? config.OIDC_TOKEN_CACHE_SIZE,
    typ: config.OIDC_ACCESS_TOKEN_TYP,
  })
  return { jwks, verifyToken }
}
