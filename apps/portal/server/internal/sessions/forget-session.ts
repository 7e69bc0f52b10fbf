import type { SessionIndexStores } from './session-index-store'
import { revokedKey, sessionKeyOf, updateUserSessions } from './session-index-store'

/** Drops a session from its user's list when it ends on its own (sign-out), and its tombstone if any. */
export async function forgetSession(stores: SessionIndexStores, subject: string, sessionId: string): Promise<void> {
  const key = sessionKeyOf(sessionId)
  await updateUserSessions(stores.index, subject, sessions => sessions.filter(session => session.key !== key))
  await stores.index.removeItem(revokedKey(key))
}
