import type { H3Event, SessionConfig } from 'h3'
import type { UserSession } from 'nuxt-oidc-auth/runtime/types.js'
import { getUserSession, sessionHooks } from 'nuxt-oidc-auth/runtime/server/utils/session.js'

interface TStoredExpiry {
  /** When the access token expires (seconds since the epoch). */
  exp?: number
}

/** What the page's session state gets: the module's `/api/_auth/session` answer, or nothing when signed out. */
export interface TSessionForRender {
  session: UserSession | undefined
}

/**
 * The session state a server render puts into the page, read from the page's own request the way
 * `GET /api/_auth/session` reads it (`getUserSession`, then the module's `fetch` hooks, which remove every
 * token), without a second request through Nitro. Answers undefined when that route must run instead: the
 * access token is within the refresh threshold (or gone), so reading the session may refresh it, and the
 * route's own request keeps that refresh (and its redirect on failure) away from the page's response.
 *
 * @example
 * const state = await readSessionForRender(event) // { session: { provider: 'oidc', userInfo: … } }
 */
export async function readSessionForRender(event: H3Event): Promise<TSessionForRender | undefined> {
  const password = process.env.NUXT_OIDC_SESSION_SECRET
  if (!password)
    return undefined
  // The module's session, read with its cookie name and options; unsealed once per sealed cookie (pages
  // under /auth are not tracked by a request hook that would have done it already).
  const name = `${process.env.NUXT_OIDC_COOKIE_PREFIX ?? ''}nuxt-oidc-auth`
  const options = useRuntimeConfig().oidc.session as Partial<SessionConfig>
  const { id: sessionId, data } = await getCachedSession(event, { ...options, password, name })
  if (!sessionId || !Object.keys(data).length)
    return { session: undefined }
  const stored = await useStorage<TStoredExpiry>('oidc').getItem(sessionId)
  const threshold = Number(useRuntimeConfig().oidc.session.expirationThreshold) || 0
  if (typeof stored?.exp !== 'number' || stored.exp <= Math.trunc(Date.now() / 1000) + threshold)
    return undefined
  let session: UserSession
  try {
    // The module's own expiry check passes here without a refresh: the token is fresh.
    session = await getUserSession(event)
  }
  catch {
    return { session: undefined }
  }
  // A copy, as the route's JSON answer was: the hooks change it in place, the request's session stays whole.
  const answer = JSON.parse(JSON.stringify(session)) as UserSession
  await sessionHooks.callHookParallel('fetch', answer, event)
  return { session: answer }
}
