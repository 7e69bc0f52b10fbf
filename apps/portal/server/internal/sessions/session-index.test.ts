import type { SessionIndexStore, SessionIndexStores } from './session-index-store'
import { describe, expect, it } from 'vitest'
import { forgetSession } from './forget-session'
import { listSessions } from './list-sessions'
import { revokeSessions } from './revoke-session'
import { sessionKeyOf, userIndexKey } from './session-index-store'
import { trackSession } from './track-session'

function memoryStore(): SessionIndexStore & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>()
  return {
    map,
    hasItem: async key => map.has(key),
    getItem: async <T>(key: string) => (map.get(key) ?? null) as T | null,
    setItem: async (key, value) => void map.set(key, structuredClone(value)),
    removeItem: async key => void map.delete(key),
  }
}

function stores(): SessionIndexStores & { tokens: ReturnType<typeof memoryStore>, index: ReturnType<typeof memoryStore> } {
  return {
    index: memoryStore(),
    tokens: memoryStore(),
  }
}

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0'
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'

/** Ana signed in twice (laptop, phone); Bruno once. Each session has tokens in the `oidc` store. */
async function seeded() {
  const s = stores()
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 22, 10, minute))
  for (const [sessionId, subject, userAgent, minute] of [
    ['ana-laptop', 'sub-ana', FIREFOX, 1],
    ['ana-phone', 'sub-ana', CHROME, 2],
    ['bruno-1', 'sub-bruno', CHROME, 3],
  ] as const) {
    await s.tokens.setItem(sessionId, { accessToken: 'encrypted' })
    await trackSession(s, {
      sessionId,
      subject,
      userAgent,
      ip: '203.0.113.7',
      createdAt: at(0),
      now: at(minute),
    })
  }
  return s
}

describe('session index', () => {
  it('lists only the user\'s own sessions, current first, then the most recently seen, current marked, no session ids', async () => {
    const s = await seeded()
    const listed = await listSessions(s, 'sub-ana', 'ana-laptop')
    expect(listed.map(session => [session.key, session.current])).toEqual([
      [
        sessionKeyOf('ana-laptop'),
        true,
      ],
      [
        sessionKeyOf('ana-phone'),
        false,
      ],
    ])
    expect(JSON.stringify(listed)).not.toMatch(/ana-laptop|ana-phone|bruno/)
    expect(listed[0]).toMatchObject({ userAgent: FIREFOX, ip: '203.0.113.7', lastSeenAt: '2026-11-22T10:01:00.000Z' })
  })

  it('keys the index by a hash of the subject, never the subject itself', async () => {
    const s = await seeded()
    expect([
      ...s.index.map.keys(),
    ]).toEqual([
      userIndexKey('sub-ana'),
      userIndexKey('sub-bruno'),
    ])
    expect(userIndexKey('sub-ana')).not.toContain('sub-ana')
  })

  it('moves "last seen" on without duplicating the session', async () => {
    const s = await seeded()
    await trackSession(s, {
      sessionId: 'ana-laptop',
      subject: 'sub-ana',
      userAgent: null,
      ip: null,
      createdAt: new Date(),
      now: new Date(Date.UTC(2026, 10, 22, 11)),
    })
    const listed = await listSessions(s, 'sub-ana', 'bruno-1')
    expect(listed).toHaveLength(2)
    expect(listed[0]).toMatchObject({
      key: sessionKeyOf('ana-laptop'),
      lastSeenAt: '2026-11-22T11:00:00.000Z',
      userAgent: FIREFOX,
      createdAt: '2026-11-22T10:00:00.000Z',
    })
  })

  it('revokes one session: its tokens are deleted and its next request is refused', async () => {
    const s = await seeded()
    const revoked = await revokeSessions(s, {
      subject: 'sub-ana',
      currentKey: sessionKeyOf('ana-laptop'),
      select: session => session.key === sessionKeyOf('ana-phone'),
    })
    expect(revoked.map(session => session.sessionId)).toEqual(['ana-phone'])
    expect(s.tokens.map.has('ana-phone')).toBe(false)
    expect(s.tokens.map.has('ana-laptop')).toBe(true)
    expect(await trackSession(s, {
      sessionId: 'ana-phone',
      subject: 'sub-ana',
      userAgent: CHROME,
      ip: null,
      createdAt: new Date(),
    })).toBe('revoked')
    expect((await listSessions(s, 'sub-ana', 'ana-laptop')).map(session => session.current)).toEqual([true])
  })

  it('never revokes the current session, nor another user\'s', async () => {
    const s = await seeded()
    expect(await revokeSessions(s, {
      subject: 'sub-ana',
      currentKey: sessionKeyOf('ana-laptop'),
      select: session => session.key === sessionKeyOf('ana-laptop'),
    })).toEqual([])
    expect(await revokeSessions(s, {
      subject: 'sub-ana',
      currentKey: sessionKeyOf('ana-laptop'),
      select: session => session.key === sessionKeyOf('bruno-1'),
    })).toEqual([])
    expect(s.tokens.map.has('bruno-1')).toBe(true)
  })

  it('signs out every other session at once', async () => {
    const s = await seeded()
    await s.tokens.setItem('ana-tablet', {})
    await trackSession(s, {
      sessionId: 'ana-tablet',
      subject: 'sub-ana',
      userAgent: null,
      ip: null,
      createdAt: new Date(),
    })
    const revoked = await revokeSessions(s, {
      subject: 'sub-ana',
      currentKey: sessionKeyOf('ana-laptop'),
      select: () => true,
    })
    expect(revoked.map(session => session.sessionId).sort()).toEqual(['ana-phone', 'ana-tablet'])
    expect((await listSessions(s, 'sub-ana', 'ana-laptop')).map(session => session.key)).toEqual([
      sessionKeyOf('ana-laptop'),
    ])
    expect(await listSessions(s, 'sub-bruno', 'bruno-1')).toHaveLength(1)
  })

  it('drops sessions whose tokens are gone, and forgets one that signed out', async () => {
    const s = await seeded()
    s.tokens.map.delete('ana-phone')
    expect(await listSessions(s, 'sub-ana', 'ana-laptop')).toHaveLength(1)
    await forgetSession(s, 'sub-ana', 'ana-laptop')
    expect(s.index.map.has(userIndexKey('sub-ana'))).toBe(false)
  })

  it('keeps every concurrent update of one user\'s list', async () => {
    const s = stores()
    await Promise.all(Array.from({ length: 20 }, (_, n) =>
      trackSession(s, {
        sessionId: `tab-${n}`,
        subject: 'sub-ana',
        userAgent: null,
        ip: null,
        createdAt: new Date(),
      })))
    for (let n = 0; n < 20; n++)
      await s.tokens.setItem(`tab-${n}`, {})
    expect(await listSessions(s, 'sub-ana', 'tab-0')).toHaveLength(20)
  })
})
