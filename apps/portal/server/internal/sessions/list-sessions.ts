import type { SessionIndexStores, TTrackedSession } from './session-index-store'
import { readUserSessions, sessionKeyOf, updateUserSessions } from './session-index-store'

export interface TListedSession extends Omit<TTrackedSession, 'sessionId'> {
  current: boolean
}

/**
 * The user's portal sessions, the current one first and then the most recently seen, without their
 * session ids. Sessions whose tokens
 * are gone (expired, signed out in a way the index did not see) are dropped from the list on the way.
 */
export async function listSessions(stores: SessionIndexStores, subject: string, currentSessionId: string): Promise<TListedSession[]> {
  const currentKey = sessionKeyOf(currentSessionId)
  const sessions = await readUserSessions(stores.index, subject)
  const alive = await Promise.all(sessions.map(async session =>
    session.key === currentKey || await stores.tokens.hasItem(session.sessionId)))
  const gone = new Set(sessions.filter((_, index) => !alive[index]).map(session => session.key))
  if (gone.size)
    await updateUserSessions(stores.index, subject, list => list.filter(session => !gone.has(session.key)))
  return sessions
    .filter(session => !gone.has(session.key))
    .map(({ sessionId: _sessionId, ...session }) => ({ ...session, current: session.key === currentKey }))
    .sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt))
}
