/**
 * Resolves the issuer's `jwks_uri` from its discovery document, memoised once it succeeds (a failure is
 * retried on the next call, so an IdP that starts after the API is picked up).
 */
export function createJwksUrlResolver(issuer: string, override?: string): () => Promise<string> {
  let resolved: string | undefined = override
  return async () => {
    if (resolved)
      return resolved
    const url = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
    const response = await fetch(url, {
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok)
      throw new Error(`discovery answered ${response.status}`)
    const metadata = await response.json() as { jwks_uri?: unknown }
    if (typeof metadata.jwks_uri !== 'string')
      throw new TypeError('discovery document has no jwks_uri')
    resolved = metadata.jwks_uri
    return resolved
  }
}
