import type { JWK, JWTHeaderParameters, JWTVerifyGetKey } from 'jose'
import { createLocalJWKSet } from 'jose'

export interface JwksCacheOptions {
  /** Resolves the JWKS URL lazily: the IdP may come up after the API. */
  resolveUrl: () => Promise<string>
  /** Minimum time between refetches caused by an unknown `kid`, so forged kids cannot hammer the IdP. */
  cooldownMs: number
  /** Keys are refreshed in the background this often; a failed refresh keeps the keys we have. */
  refreshMs?: number
  fetchTimeoutMs?: number
  fetch?: typeof fetch
}

/**
 * A JWKS cache that keeps working when the IdP does not: known keys are served from memory, an unknown
 * `kid` triggers at most one refetch per cooldown (single-flight), and a failed fetch never discards the
 * keys already held. jose's createRemoteJWKSet refetches when its cache ages out and fails verification
 * if that fetch fails, which would turn an IdP outage into a full API outage.
 */
export class JwksCache {
  private keys: JWK[] = []
  private local: JWTVerifyGetKey | undefined
  private lastFetchAt = 0
  private inflight: Promise<void> | undefined
  private serializedKeys = ''
  fetchCount = 0
  /** Bumped whenever the published key set changes, so verified-token caches drop what they hold. */
  generation = 0

  constructor(private readonly options: JwksCacheOptions) {}

  /** For `jwtVerify`: finds the key for a token's header. */
  readonly getKey = async (header: JWTHeaderParameters, token: Parameters<JWTVerifyGetKey>[1]) => {
    const known = header.kid !== undefined && this.keys.some(k => k.kid === header.kid)
    if (!this.local || (!known && Date.now() - this.lastFetchAt >= this.options.cooldownMs))
      await this.refresh().catch(() => {})
    else
      this.refreshIfDue()
    if (!this.local)
      throw new JwksUnavailableError('No signing keys could be fetched from the identity provider.')
    return this.local(header, token)
  }

  /**
   * Starts a background refresh when the keys are older than `refreshMs`, without waiting for it. Called
   * on every verification, cached ones included, so a key the IdP withdrew stops being trusted within
   * `refreshMs` even when every token in use is already in the verified-token cache.
   */
  refreshIfDue(): void {
    if (Date.now() - this.lastFetchAt > (this.options.refreshMs ?? 600_000))
      void this.refresh().catch(() => {})
  }

  refresh(): Promise<void> {
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined
    })
    return this.inflight
  }

  private async load(): Promise<void> {
    this.lastFetchAt = Date.now()
    this.fetchCount++
    const url = await this.options.resolveUrl()
    const response = await (this.options.fetch ?? fetch)(url, {
      signal: AbortSignal.timeout(this.options.fetchTimeoutMs ?? 5_000),
    })
    if (!response.ok)
      throw new Error(`JWKS fetch answered ${response.status}`)
    const body = await response.json() as { keys?: JWK[] }
    if (!Array.isArray(body.keys))
      throw new TypeError('JWKS document has no keys array')
    const serialized = JSON.stringify(body.keys)
    if (serialized !== this.serializedKeys) {
      this.serializedKeys = serialized
      this.generation++
    }
    this.keys = body.keys
    this.local = createLocalJWKSet({ keys: body.keys })
  }
}

export class JwksUnavailableError extends Error {
  override name = 'JwksUnavailableError'
}
