/**
 * The slice of an unstorage driver this wrapper touches. Values are what the driver stores: the
 * serialized strings unstorage hands it (so every reader still gets its own parsed copy).
 */
export interface TStorageDriver {
  name?: string
  hasItem: (key: string, options?: object) => unknown
  getItem: (key: string, options?: object) => unknown
  setItem?: (key: string, value: string, options?: object) => unknown
  removeItem?: (key: string, options?: object) => unknown
  getKeys: (base: string, options?: object) => unknown
  clear?: (base: string, options?: object) => unknown
  getMeta?: (key: string, options?: object) => unknown
  dispose?: () => unknown
}

export interface TCacheStorageReadsOptions {
  /** How long a read value is served from memory. Bounds how late a change made by another process is seen. */
  ttlMs: number
  /** Most entries kept; the least recently used one goes first. */
  maxEntries: number
  now?: () => number
}

interface TEntry {
  value: unknown
  expiresAt: number
}

/**
 * Wraps a storage driver so reads of a key are answered from memory for `ttlMs` after the first one.
 * Writes and removals go through to the driver and update the memory at once, so within this process
 * a change is seen immediately; a change made by another process sharing the store is seen within
 * `ttlMs`. Missing keys are not remembered (a key written elsewhere shows up on the next read).
 *
 * @example
 * const { driver } = useStorage().getMount('oidc')
 * await useStorage().unmount('oidc', false)
 * useStorage().mount('oidc', cacheStorageReads(driver, { ttlMs: 10_000, maxEntries: 10_000 }))
 */
export function cacheStorageReads<D extends TStorageDriver>(driver: D, options: TCacheStorageReadsOptions): D {
  const now = options.now ?? Date.now
  const entries = new Map<string, TEntry>()
  // Bumped by every write, so a read that overlapped a write never stores what it read (it may be the
  // old value). Writes here are rare (sign-in, refresh, sign-out, revocation).
  let writes = 0

  const remember = (key: string, value: unknown) => {
    entries.delete(key)
    if (entries.size >= options.maxEntries)
      entries.delete(entries.keys().next().value!)
    entries.set(key, { value, expiresAt: now() + options.ttlMs })
  }
  const changed = (key: string) => {
    entries.delete(key)
    writes++
  }

  return {
    ...driver,
    name: `cached:${driver.name ?? 'driver'}`,
    async hasItem(key, opts) {
      const entry = entries.get(key)
      if (entry && entry.expiresAt > now())
        return true
      return driver.hasItem(key, opts)
    },
    async getItem(key, opts) {
      const entry = entries.get(key)
      if (entry && entry.expiresAt > now()) {
        // Least recently used goes first: a hit moves the key to the end.
        entries.delete(key)
        entries.set(key, entry)
        return entry.value
      }
      const before = writes
      const value = await driver.getItem(key, opts)
      if (value === null || value === undefined)
        entries.delete(key)
      else if (writes === before)
        remember(key, value)
      return value
    },
    async setItem(key, value, opts) {
      changed(key)
      try {
        await driver.setItem?.(key, value, opts)
      }
      finally {
        changed(key)
      }
    },
    async removeItem(key, opts) {
      changed(key)
      try {
        await driver.removeItem?.(key, opts)
      }
      finally {
        changed(key)
      }
    },
    async clear(base, opts) {
      for (const key of [
        ...entries.keys(),
      ])
        changed(key)
      await driver.clear?.(base, opts)
    },
  } as D
}
