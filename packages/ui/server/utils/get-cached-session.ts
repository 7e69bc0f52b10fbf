import type { H3Event, SessionConfig, SessionData } from 'h3'
import { getCookie, getRequestHeader, getSession } from 'h3'

interface TUnsealed {
  id: string
  createdAt: number
  /** JSON: each request gets its own copy to change. */
  data: string
  /** When the seal (or the session's max age) runs out: unsealing it then would fail, so a hit must too. */
  expiresAt: number
}

// Unsealed cookies by their sealed text. Unsealing (iron: two PBKDF2 derivations, an HMAC and AES) was
// the largest single cost of a BFF call; the same sealed text always unseals to the same session, so
// this changes no outcome. A changed session is sealed anew (another key); bounded, oldest out first.
const unsealed = new Map<string, TUnsealed>()
const UNSEALED_ENTRIES = 10_000

/** iron's seal: `Fe26.2*id*salt*iv*ciphertext*expiration*hmacSalt*hmac` (expiration in ms, or empty). */
function sealExpiry(sealed: string): number {
  const expiration = Number(sealed.split('*')[5])
  return expiration > 0
    ? expiration
    : Number.POSITIVE_INFINITY
}

/**
 * h3's `getSession` for a cookie session, remembering what each sealed cookie unseals to. Everything
 * else stays h3's: later `getSession`/`useSession` calls of the request see the same session object, and
 * `update` seals a new cookie. A session sent in h3's session header is unsealed as usual.
 *
 * @example
 * const session = await getCachedSession<{ userInfo?: { sub?: string } }>(event, { name, password, maxAge })
 */
export async function getCachedSession<T extends SessionData = SessionData>(event: H3Event, config: SessionConfig & { name: string }) {
  const name = config.name
  const sealed = getCookie(event, name)
  const headerUsed = config.sessionHeader !== false
    && getRequestHeader(event, typeof config.sessionHeader === 'string'
      ? config.sessionHeader
      : `x-${name.toLowerCase()}-session`)
  if (!sealed || headerUsed || event.context.sessions?.[name])
    return getSession<T>(event, config)

  const hit = unsealed.get(sealed)
  if (hit && hit.expiresAt > Date.now()) {
    event.context.sessions ??= Object.create(null)
    event.context.sessions![name] = {
      id: hit.id,
      createdAt: hit.createdAt,
      data: JSON.parse(hit.data),
    }
    return getSession<T>(event, config)
  }

  const session = await getSession<T>(event, config)
  // A cookie that did not unseal leaves a fresh session (new id, nothing in it): not worth keeping.
  if (session.id && Object.keys(session.data).length) {
    const maxAgeEnd = config.maxAge
      ? session.createdAt + config.maxAge * 1000
      : Number.POSITIVE_INFINITY
    if (unsealed.size >= UNSEALED_ENTRIES)
      unsealed.delete(unsealed.keys().next().value!)
    unsealed.set(sealed, {
      id: session.id,
      createdAt: session.createdAt,
      data: JSON.stringify(session.data),
      expiresAt: Math.min(maxAgeEnd, sealExpiry(sealed)),
    })
  }
  return session
}
