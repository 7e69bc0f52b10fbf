import type { H3Event } from 'h3'
import { getUserSessionId } from 'nuxt-oidc-auth/runtime/server/utils/session.js'

interface TRemembered {
  value: unknown
  expiresAt: number
}

// Answers kept per session: a key never reaches another session's entries. Bounded, oldest out first.
const remembered = new Map<string, TRemembered>()
const REMEMBERED_ENTRIES = 10_000
const SEPARATOR = '\u0000'

/**
 * `load()`'s answer for this session, kept for `ttlMs`: for data that changes rarely and that each page
 * view asks for again (a tenant's brand). Only successful answers are kept, and only for a session that
 * has tokens (`load` goes through `callPlatformApi`, which answers 401 otherwise). A change made through
 * this process calls `forgetForAllSessions` with the key's prefix; a change made elsewhere shows within `ttlMs`.
 *
 * @example
 * return rememberForSession(event, `brand:${tenant}`, 30_000, () => callPlatformApi(event, `/tenants/${tenant}/brand`, { schema: ZEffectiveBrand }))
 */
export async function rememberForSession<T>(event: H3Event, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  const entryKey = `${await getUserSessionId(event)}${SEPARATOR}${key}`
  const hit = remembered.get(entryKey)
  if (hit && hit.expiresAt > Date.now())
    return hit.value as T
  const value = await load()
  remembered.delete(entryKey)
  if (remembered.size >= REMEMBERED_ENTRIES)
    remembered.delete(remembered.keys().next().value!)
  remembered.set(entryKey, { value, expiresAt: Date.now() + ttlMs })
  return value
}

/** Drops every session's entries whose key starts with `prefix` (after a change through this process). */
export function forgetForAllSessions(prefix: string): void {
  for (const entryKey of remembered.keys()) {
    if (entryKey.slice(entryKey.indexOf(SEPARATOR) + 1).startsWith(prefix))
      remembered.delete(entryKey)
  }
}
