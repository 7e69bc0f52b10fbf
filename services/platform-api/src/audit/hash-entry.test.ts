import type { HashedFields } from './hash-entry'
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from './canonical-json'
import { GENESIS_HASH, hashEntry } from './hash-entry'

const ENTRY: HashedFields = {
  seq: 7,
  id: '0b6e4a52-8d5a-4c1b-9a43-3f1f7a0d2c11',
  at: new Date('2026-11-02T10:00:00.000Z'),
  actorSubject: 'ana',
  actorRoles: ['operator:super_admin'],
  actorEmail: null,
  actorName: null,
  actingAs: null,
  action: 'tenant.update',
  targetType: 'tenant',
  targetId: 'acme',
  tenantSlug: 'acme',
  requestId: 'req-1',
  ip: '127.0.0.1',
  userAgent: 'test',
  changes: [
    { field: 'name', before: 'Acme', after: 'Acme Ltda' },
  ],
  prevHash: GENESIS_HASH,
}

describe('hashEntry', () => {
  it('hashes an entry without actor names exactly as entries were hashed before the names existed', () => {
    const { actorEmail: _email, actorName: _name, ...before } = ENTRY
    const written = createHash('sha256').update(canonicalJson({
      ...before,
      at: before.at.toISOString(),
    })).digest('hex')
    expect(hashEntry(ENTRY)).toBe(written)
  })

  it('covers the actor\'s email and name once an entry has them', () => {
    const named = { ...ENTRY, actorEmail: 'ana@dezky.test', actorName: 'Ana Souza' }
    expect(hashEntry(named)).not.toBe(hashEntry(ENTRY))
    expect(hashEntry({ ...named, actorName: 'Someone Else' })).not.toBe(hashEntry(named))
    expect(hashEntry({ ...named, actorEmail: 'x@dezky.test' })).not.toBe(hashEntry(named))
  })
})
