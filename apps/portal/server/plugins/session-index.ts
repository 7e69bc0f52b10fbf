import type { H3Event } from 'h3'
import { forgetSession } from '../internal/sessions/forget-session'
import { dropPortalSession, readPortalSession } from '../internal/sessions/read-portal-session'
import { isRevokedHere, markRevoked } from '../internal/sessions/revoked-here'
import { sessionKeyOf } from '../internal/sessions/session-index-store'
import { trackSession } from '../internal/sessions/track-session'
import { useSessionIndexStores } from '../internal/sessions/use-session-index-stores'

// "Last seen" needs minute precision, not a storage write per request.
const TOUCH_EVERY_MS = 60_000
const lastTouched = new Map<string, number>()

// Assets and the sign-in flow itself carry no session worth recording.
const UNTRACKED = /^\/(?:_nuxt|__nuxt|_i18n|auth|favicon)/

function clientIp(event: H3Event): string | null {
  // Shown to the user to recognise a session, never used for a decision: the first forwarded hop is fine.
  const ip = getRequestIP(event, { xForwardedFor: true })
  return ip?.replace(/^::ffff:/, '') || null
}

/**
 * Keeps the index of each user's portal sessions (`sessions` storage, keyed by subject) that the account
 * page lists: created, last seen, browser and IP. A session revoked from another one is signed out here
 * on its next request.
 */
export default defineNitroPlugin((nitroApp) => {
  nitroApp.hooks.hook('request', async (event) => {
    if (UNTRACKED.test(event.path))
      return
    const session = await readPortalSession(event)
    if (!session)
      return
    const key = sessionKeyOf(session.id)
    if (isRevokedHere(key))
      return dropPortalSession(event)
    const now = Date.now()
    if (now - (lastTouched.get(key) ?? 0) < TOUCH_EVERY_MS)
      return
    if (lastTouched.size >= 10_000)
      lastTouched.clear()
    lastTouched.set(key, now)
    const outcome = await trackSession(useSessionIndexStores(), {
      sessionId: session.id,
      subject: session.subject,
      createdAt: session.createdAt,
      userAgent: getRequestHeader(event, 'user-agent')?.slice(0, 512) ?? null,
      ip: clientIp(event),
    })
    if (outcome === 'revoked') {
      markRevoked(key)
      dropPortalSession(event)
    }
  })

  // Sign-out through nuxt-oidc-auth: the session leaves the list (the hook runs before the cookie is cleared).
  sessionHooks.hook('clear', async (event: H3Event) => {
    const session = await readPortalSession(event)
    if (!session)
      return
    lastTouched.delete(sessionKeyOf(session.id))
    await forgetSession(useSessionIndexStores(), session.subject, session.id)
  })
})
