import type { Principal } from './principal'

interface Entry {
  principal: Principal
  /** `exp` of the token, in seconds. */
  expiresAt: number
  /** JWKS generation the signature was checked against; a key set change invalidates the entry. */
  keysGeneration: number
}

/**
 * Principals of tokens already verified, keyed by the exact token string. A BFF sends the same access
 * token with every request of a session until it refreshes it, so after the first request the signature
 * check (the costly part) is skipped. Entries die with the token's `exp`, with any change of the
 * IdP's key set, and first-in-first-out past `maxEntries`.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly maxEntries: number) {}

  get(token: string, keysGeneration: number, nowSeconds: number): Principal | undefined {
    const entry = this.entries.get(token)
    if (!entry)
      return undefined
    if (entry.keysGeneration !== keysGeneration || nowSeconds >= entry.expiresAt) {
      this.entries.delete(token)
      return undefined
    }
    return entry.principal
  }

  set(token: string, principal: Principal, expiresAt: number, keysGeneration: number): void {
    if (this.maxEntries <= 0)
      return
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(token, { principal, expiresAt, keysGeneration })
  }

  get size(): number {
    return this.entries.size
  }
}
