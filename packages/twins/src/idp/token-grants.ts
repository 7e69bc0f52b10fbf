import type { Provider } from 'oidc-provider'

/** Successful token-endpoint grants by `grant_type`, e.g. `{ authorization_code: 1, refresh_token: 3 }`. */
export type TokenGrantCounts = Record<string, number>

export interface TokenGrantCounter {
  /** Counts the grants of this provider (the IdP builds a new one when its keys rotate); returns it. */
  watch: (provider: Provider) => Provider
  counts: () => TokenGrantCounts
  reset: () => void
}

/**
 * Counts what the token endpoint granted, so a test can tell how often a client refreshed: ten parallel
 * requests of one session must spend the rotating refresh token once, not ten times.
 */
export function createTokenGrantCounter(): TokenGrantCounter {
  const counts = new Map<string, number>()
  return {
    watch(provider) {
      provider.on('grant.success', (ctx) => {
        const type = String(ctx.oidc.params?.grant_type ?? 'unknown')
        counts.set(type, (counts.get(type) ?? 0) + 1)
      })
      return provider
    },
    counts: () => Object.fromEntries(counts),
    reset: () => counts.clear(),
  }
}
