import type { H3Event, SessionConfig } from 'h3'

export interface PortalSession {
  id: string
  createdAt: Date
  /** The IdP's subject of the signed-in user (from the userinfo nuxt-oidc-auth keeps in the session). */
  subject: string
}

interface OidcSessionData {
  expireAt?: number
  userInfo?: { sub?: unknown }
}

export const sessionCookieName = () => `${process.env.NUXT_OIDC_COOKIE_PREFIX ?? ''}nuxt-oidc-auth`

/**
 * The signed-in session of this request, read the way nuxt-oidc-auth reads it (same cookie, secret and
 * options; h3 caches the unsealed session on the event, so both see the same object, and
 * `getCachedSession` remembers what each sealed cookie unseals to). Null without a
 * session cookie or when the cookie does not hold a signed-in user.
 */
export async function readPortalSession(event: H3Event): Promise<PortalSession | null> {
  const name = sessionCookieName()
  if (!getCookie(event, name))
    return null
  const password = process.env.NUXT_OIDC_SESSION_SECRET
  if (!password)
    return null
  // The module's runtime config types `cookie.sameSite` as a plain string; the values are h3's. The
  // process-wide config (not the request's copy): this runs first on every request, and these options
  // do not vary by request.
  const options = useRuntimeConfig().oidc.session as Partial<SessionConfig>
  const session = await getCachedSession<OidcSessionData>(event, { ...options, password, name })
  const subject = session.data.userInfo?.sub
  if (!session.data.expireAt || typeof subject !== 'string' || !subject)
    return null
  return {
    id: session.id,
    createdAt: new Date(session.createdAt),
    subject,
  }
}

/**
 * Signs a revoked session out on its next request: the cookie is deleted in the response and dropped from
 * the request, so nuxt-oidc-auth sees no session — BFF calls answer 401 and pages go to sign-in.
 */
export function dropPortalSession(event: H3Event): void {
  const name = sessionCookieName()
  deleteCookie(event, name)
  const others = (event.node.req.headers.cookie ?? '').split(';').filter(part => part.trim().split('=')[0] !== name)
  event.node.req.headers.cookie = others.join(';')
  if (event.context.sessions)
    delete event.context.sessions[name]
}
