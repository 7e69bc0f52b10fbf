import type { SessionIndexStores, TTrackedSession } from './session-index-store'
import { revokedKey, sessionKeyOf, updateUserSessions } from './session-index-store'

export interface TrackSessionInput {
  sessionId: string
  subject: string
  /** When the session was created (the sealed cookie's `createdAt`). */
  createdAt: Date
  userAgent: string | null
  ip: string | null
  now?: Date
}

/**
 * Records that a session was used: adds it to its user's list the first time, else moves its "last seen"
 * on. Answers `revoked` instead when the user revoked it from another session, so the caller signs it out.
 */
export async function trackSession(stores: SessionIndexStores, input: TrackSessionInput): Promise<'tracked' | 'revoked'> {
  const key = sessionKeyOf(input.sessionId)
  if (await stores.index.hasItem(revokedKey(key)))
    return 'revoked'
  const now = (input.now ?? new Date()).toISOString()
  await updateUserSessions(stores.index, input.subject, (sessions) => {
    const existing = sessions.find(session => session.key === key)
    const seen: TTrackedSession = {
      key,
      sessionId: input.sessionId,
      createdAt: existing?.createdAt ?? input.createdAt.toISOString(),
      lastSeenAt: now,
      userAgent: input.userAgent ?? existing?.userAgent ?? null,
      ip: input.ip ?? existing?.ip ?? null,
    }
    return [
      ...sessions.filter(session => session.key !== key),
      seen,
    ]
  })
  return 'tracked'
}
