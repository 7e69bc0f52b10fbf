import type { TStorageDriver } from '../internal/cache-storage-reads'
import { cacheStorageReads } from '../internal/cache-storage-reads'

/**
 * How long this process answers reads of the encrypted token store (`oidc` mount) from memory. Every BFF
 * call and every server-rendered page reads the session's tokens (nuxt-oidc-auth's expiry check, then the
 * access token itself); from the fs driver that was several file reads per request. Sign-in, refresh,
 * sign-out and revocation in this process update the memory at once; a process sharing the store sees
 * another's change within this bound.
 */
export const TOKEN_STORE_CACHE_TTL_MS = 10_000
const TOKEN_STORE_CACHE_ENTRIES = 10_000

export default defineNitroPlugin(async () => {
  const storage = useStorage()
  const { driver, base } = storage.getMount('oidc')
  // Without a mount of its own the store is nuxt-oidc-auth's in-memory default: nothing to save there.
  if (base !== 'oidc:')
    return
  await storage.unmount('oidc', false)
  storage.mount('oidc', cacheStorageReads(driver as TStorageDriver, {
    ttlMs: TOKEN_STORE_CACHE_TTL_MS,
    maxEntries: TOKEN_STORE_CACHE_ENTRIES,
  }) as typeof driver)
})
