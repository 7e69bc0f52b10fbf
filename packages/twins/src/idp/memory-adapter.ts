import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider'

interface Entry {
  payload: AdapterPayload
  expiresAt: number
}

// Models whose rows die with their grant when a client logs out or a refresh token is replayed.
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
])

/**
 * State for one IdP: sessions, interactions, grants, codes and refresh tokens. The IdP owns it (instead of
 * oidc-provider's process-wide quick-start adapter) so that two IdPs in one test process share nothing,
 * and so that the providers rebuilt on key rotation keep every session.
 */
export function createMemoryAdapter(): AdapterFactory {
  const entries = new Map<string, Entry>()
  const sessionsByUid = new Map<string, string>()
  const byUserCode = new Map<string, string>()
  const grantMembers = new Map<string, Set<string>>()

  function read(key: string): AdapterPayload | undefined {
    const entry = entries.get(key)
    if (entry && entry.expiresAt <= Date.now()) {
      entries.delete(key)
      return undefined
    }
    return entry?.payload
  }

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyOf(id)
        entries.set(key, {
          payload,
          expiresAt: expiresIn
            ? Date.now() + expiresIn * 1000
            : Infinity,
        })
        if (model === 'Session' && payload.uid)
          sessionsByUid.set(payload.uid, id)
        if (payload.userCode)
          byUserCode.set(payload.userCode, id)
        if (GRANTABLE.has(model) && payload.grantId)
          grantMembers.set(payload.grantId, (grantMembers.get(payload.grantId) ?? new Set()).add(key))
      },
      find: async id => read(keyOf(id)),
      async findByUid(uid) {
        const id = sessionsByUid.get(uid)
        return id === undefined
          ? undefined
          : read(keyOf(id))
      },
      async findByUserCode(userCode) {
        const id = byUserCode.get(userCode)
        return id === undefined
          ? undefined
          : read(keyOf(id))
      },
      async consume(id) {
        const payload = read(keyOf(id))
        if (payload)
          payload.consumed = Math.floor(Date.now() / 1000)
      },
      async destroy(id) {
        entries.delete(keyOf(id))
      },
      async revokeByGrantId(grantId) {
        for (const key of grantMembers.get(grantId) ?? [])
          entries.delete(key)
        grantMembers.delete(grantId)
      },
    }
  }
}
