import type { SessionIndexStores, TTrackedSession } from './session-index-store'
import { revokedKey, updateUserSessions } from './session-index-store'

export interface RevokeSessionInput {
  subject: string
  /** Which of the subject's sessions to end (only their own are ever looked at). */
  select: (session: TTrackedSession) => boolean
  /** The session asking: never revoked here (signing out is how it ends). */
  currentKey: string
  now?: Date
}

/**
 * Ends some of a user's other sessions: their stored tokens are deleted at once (so every BFF call they
 * make answers 401) and a tombstone makes their next request sign them out. Returns the sessions ended.
 */
export async function revokeSessions(stores: SessionIndexStores, input: RevokeSessionInput): Promise<TTrackedSession[]> {
  let revoked: TTrackedSession[] = []
  await updateUserSessions(stores.index, input.subject, (sessions) => {
    revoked = sessions.filter(session => session.key !== input.currentKey && input.select(session))
    return sessions.filter(session => !revoked.includes(session))
  })
  const revokedAt = (input.now ?? new Date()).toISOString()
  await Promise.all(revoked.map(async (session) => {
    await stores.index.setItem(revokedKey(session.key), { revokedAt })
    await stores.tokens.removeItem(session.sessionId)
  }))
  return revoked
}
