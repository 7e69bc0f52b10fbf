import type { StalwartObjectType, StoredObject } from './types'

/**
 * Stalwart ids are short base32 strings of a per-type sequence (types/src/id.rs); the twin keeps the
 * shape (lower-case letters and digits) without the exact encoding.
 */
function encodeId(n: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  let out = ''
  let rest = n
  do {
    out = alphabet[rest % 32] + out
    rest = Math.floor(rest / 32)
  } while (rest > 0)
  return out
}

/** Everything the twin holds: the three object types, their id sequences and their JMAP states. */
export interface StalwartStore {
  list: (type: StalwartObjectType) => StoredObject[]
  get: (type: StalwartObjectType, id: string) => StoredObject | undefined
  insert: (type: StalwartObjectType, object: Omit<StoredObject, 'id'>) => StoredObject
  replace: (type: StalwartObjectType, object: StoredObject) => void
  remove: (type: StalwartObjectType, id: string) => boolean
  /** The type's state string; it changes on every write to that type. */
  state: (type: StalwartObjectType) => string
}

export function createStalwartStore(): StalwartStore {
  const objects: Record<StalwartObjectType, Map<string, StoredObject>> = {
    Domain: new Map(),
    Account: new Map(),
    DkimSignature: new Map(),
  }
  const sequences: Record<StalwartObjectType, number> = { Domain: 0, Account: 0, DkimSignature: 0 }
  const changes: Record<StalwartObjectType, number> = { Domain: 0, Account: 0, DkimSignature: 0 }
  const touch = (type: StalwartObjectType) => {
    changes[type]++
  }
  return {
    list: type => [
      ...objects[type].values(),
    ].map(object => structuredClone(object)),
    get: (type, id) => {
      const object = objects[type].get(id)
      return object && structuredClone(object)
    },
    insert(type, object) {
      const stored = {
        ...structuredClone(object),
        id: encodeId(sequences[type]++),
      } as StoredObject
      objects[type].set(stored.id, stored)
      touch(type)
      return structuredClone(stored)
    },
    replace(type, object) {
      objects[type].set(object.id, structuredClone(object))
      touch(type)
    },
    remove(type, id) {
      const removed = objects[type].delete(id)
      if (removed)
        touch(type)
      return removed
    },
    state: type => `s${changes[type].toString(36)}`,
  }
}
