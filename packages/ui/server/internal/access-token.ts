import type { H3Event } from 'h3'
import { decryptToken } from 'nuxt-oidc-auth/runtime/server/utils/security.js'
import { getUserSessionId, requireUserSession } from 'nuxt-oidc-auth/runtime/server/utils/session.js'

/** What nuxt-oidc-auth keeps per session in the `oidc` storage mount (AES-GCM, key NUXT_OIDC_TOKEN_KEY). */
interface StoredTokens {
  accessToken?: { encryptedToken: string, iv: string }
}

// nuxt-oidc-auth refreshes inside requireUserSession without any guard, so parallel requests of one
// session (an SSR render fetching /api/me and /api/tenants) would each spend the same rotating
// refresh token and all but one would fail. One check per session id at a time, per process.
const pendingChecks = new Map<string, Promise<unknown>>()

/**
 * The user's access token, read from the server-side session store. It never leaves the server:
 * `exposeAccessToken` is off, so nuxt-oidc-auth does not put it into the session object itself.
 * Throws 401 when there is no session or its tokens are gone (expired without refresh, key rotated).
 */
export async function getAccessToken(event: H3Event): Promise<string> {
  const sessionId = await getUserSessionId(event)
  let check = pendingChecks.get(sessionId)
  if (!check) {
    check = requireUserSession(event).finally(() => pendingChecks.delete(sessionId))
    pendingChecks.set(sessionId, check)
  }
  await check

  const stored = await useStorage<StoredTokens>('oidc').getItem(sessionId)
  const tokenKey = process.env.NUXT_OIDC_TOKEN_KEY
  if (!stored?.accessToken || !tokenKey)
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized', message: 'Your session has expired.' })
  try {
    return await decryptToken(stored.accessToken, tokenKey)
  }
  catch {
    // The token key changed since the session was stored: the session cannot be used any more.
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized', message: 'Your session has expired.' })
  }
}
