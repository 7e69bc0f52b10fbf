import { createHash } from 'node:crypto'

/** What the index keeps per portal session. `sessionId` is the session store's key and never leaves the server. */
export interface TTrackedSession {
  /** Public id: a hash of the session id, shown to the session's own user only. */
  key: string
  sessionId: string
  createdAt: string
  lastSeenAt: string
  userAgent: string | null
  ip: string | null
}

/** The slice of a Nitro storage (unstorage) the index uses, so tests can hand in a Map. */
export interface SessionIndexStore {
  hasItem: (key: string) => Promise<boolean>
  getItem: <T = unknown>(key: string) => Promise<T | null>
  setItem: (key: string, value: unknown) => Promise<void>
  removeItem: (key: string) => Promise<void>
}

export interface SessionIndexStores {
  /** The `sessions` mount: `user:<hash of subject>` → the user's sessions; `revoked:<key>` tombstones. */
  index: SessionIndexStore
  /** nuxt-oidc-auth's `oidc` mount: the encrypted tokens, keyed by session id. */
  tokens: SessionIndexStore
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

// The session-index hook asks for the key of every request's session: one hash per session, not per request.
const sessionKeys = new Map<string, string>()
const SESSION_KEYS = 10_000

/** The public id of a session: stable, and reveals nothing about the session id it is made from. */
export function sessionKeyOf(sessionId: string): string {
  let key = sessionKeys.get(sessionId)
  if (key === undefined) {
    key = sha256(`session:${sessionId}`).slice(0, 32)
    if (sessionKeys.size >= SESSION_KEYS)
      sessionKeys.delete(sessionKeys.keys().next().value!)
    sessionKeys.set(sessionId, key)
  }
  return key
}

export const userIndexKey = (subject: string) => `user:${sha256(`subject:${subject}`)}`
export const revokedKey = (key: string) => `revoked:${key}`

// Read-modify-write of one user's list must not interleave (two tabs, parallel BFF calls).
const queues = new Map<string, Promise<unknown>>()

/** Runs `change` on the user's session list, one change per user at a time in this process. */
export function updateUserSessions(
  store: SessionIndexStore,
  subject: string,
  change: (sessions: TTrackedSession[]) => TTrackedSession[],
): Promise<TTrackedSession[]> {
  const key = userIndexKey(subject)
  const run = (queues.get(key) ?? Promise.resolve()).catch(() => {}).then(async () => {
    const current = await store.getItem<{ sessions: TTrackedSession[] }>(key)
    const next = change(current?.sessions ?? [])
    if (next.length)
      await store.setItem(key, { sessions: next })
    else
      await store.removeItem(key)
    return next
  })
  queues.set(key, run)
  void run.finally(() => {
    if (queues.get(key) === run)
      queues.delete(key)
  })
  return run
}

export async function readUserSessions(store: SessionIndexStore, subject: string): Promise<TTrackedSession[]> {
  return (await store.getItem<{ sessions: TTrackedSession[] }>(userIndexKey(subject)))?.sessions ?? []
}
