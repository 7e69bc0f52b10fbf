import type { H3Event } from 'h3'
import { decryptToken } from 'nuxt-oidc-auth/runtime/server/utils/security.js'
import { getUserSessionId, requireUserSession } from 'nuxt-oidc-auth/runtime/server/utils/session.js'

/** What nuxt-oidc-auth keeps per session in the `oidc` storage mount (AES-GCM, key NUXT_OIDC_TOKEN_KEY). */
interface StoredTokens {
  accessToken?: { encryptedToken: string, iv: string }
  /** When the access token expires (seconds since the epoch). */
  exp?: number
}

// nuxt-oidc-auth refreshes inside requireUserSession without any guard, so parallel requests of one
// session (an SSR render fetching /api/me and /api/tenants) would each spend the same rotating
// refresh token and all but one would fail. One check per session id at a time, per process.
const pendingChecks = new Map<string, Promise<unknown>>()

// The last access token decrypted for each session, with the ciphertext it came from: a hit needs the
// stored ciphertext of the same session to be unchanged, so a refresh, sign-out or revocation (which
// replace or delete it) takes effect on the next request. Never shared between sessions; bounded.
const decrypted = new Map<string, { encryptedToken: string, iv: string, token: string }>()
const DECRYPTED_ENTRIES = 10_000

async function decryptAccessToken(sessionId: string, stored: { encryptedToken: string, iv: string }, tokenKey: string): Promise<string> {
  const hit = decrypted.get(sessionId)
  if (hit && hit.encryptedToken === stored.encryptedToken && hit.iv === stored.iv)
    return hit.token
  const token = await decryptToken(stored, tokenKey)
  decrypted.delete(sessionId)
  if (decrypted.size >= DECRYPTED_ENTRIES)
    decrypted.delete(decrypted.keys().next().value!)
  decrypted.set(sessionId, { encryptedToken: stored.encryptedToken, iv: stored.iv, token })
  return token
}

/**
 * The user's access token, read from the server-side session store. It never leaves the server:
 * `exposeAccessToken` is off, so nuxt-oidc-auth does not put it into the session object itself.
 * Throws 401 when there is no session or its tokens are gone (expired without refresh, key rotated).
 */
export async function getAccessToken(event: H3Event): Promise<string> {
  const sessionId = await getUserSessionId(event)
  const tokens = useStorage<StoredTokens>('oidc')
  let stored = await tokens.getItem(sessionId)
  // nuxt-oidc-auth's check reads the same entry to compare its expiry; while the token has more than the
  // refresh threshold left, that check could only pass, so it runs (and may refresh) only near expiry.
  if (!isFresh(stored)) {
    let check = pendingChecks.get(sessionId)
    if (!check) {
      check = requireUserSession(event).finally(() => pendingChecks.delete(sessionId))
      pendingChecks.set(sessionId, check)
    }
    await check
    stored = await tokens.getItem(sessionId)
  }

  const tokenKey = process.env.NUXT_OIDC_TOKEN_KEY
  if (!stored?.accessToken || !tokenKey)
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized', message: 'Your session has expired.' })
  try {
    return await decryptAccessToken(sessionId, stored.accessToken, tokenKey)
  }
  catch {
    // The token key changed since the session was stored: the session cannot be used any more.
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized', message: 'Your session has expired.' })
  }
}

function isFresh(stored: StoredTokens | null): boolean {
  const threshold = Number(useRuntimeConfig().oidc.session.expirationThreshold) || 0
  return !!stored?.accessToken && typeof stored.exp === 'number' && stored.exp > Math.trunc(Date.now() / 1000) + threshold
}
