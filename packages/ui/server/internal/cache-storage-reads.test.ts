import type { TStorageDriver } from './cache-storage-reads'
import { describe, expect, it } from 'vitest'
import { cacheStorageReads } from './cache-storage-reads'

function countingDriver() {
  const data = new Map<string, string>()
  const reads: string[] = []
  const driver: TStorageDriver = {
    name: 'memory',
    hasItem: key => data.has(key),
    getItem: (key) => {
      reads.push(key)
      return data.get(key) ?? null
    },
    setItem: (key, value) => {
      data.set(key, value)
    },
    removeItem: (key) => {
      data.delete(key)
    },
    getKeys: () => [
      ...data.keys(),
    ],
    clear: () => data.clear(),
  }
  return { data, reads, driver }
}

describe('cacheStorageReads', () => {
  it('answers repeated reads from memory until the ttl passes', async () => {
    let time = 0
    const { data, reads, driver } = countingDriver()
    data.set('a', '{"x":1}')
    const cached = cacheStorageReads(driver, {
      ttlMs: 1000,
      maxEntries: 10,
      now: () => time,
    })
    expect(await cached.getItem('a')).toBe('{"x":1}')
    expect(await cached.getItem('a')).toBe('{"x":1}')
    expect(reads).toEqual(['a'])
    time = 1000
    data.set('a', '{"x":2}')
    expect(await cached.getItem('a')).toBe('{"x":2}')
    expect(reads).toEqual(['a', 'a'])
  })

  it('sees its own writes and removals at once', async () => {
    const { driver } = countingDriver()
    const cached = cacheStorageReads(driver, { ttlMs: 60_000, maxEntries: 10 })
    await cached.setItem!('a', 'one')
    expect(await cached.getItem('a')).toBe('one')
    await cached.setItem!('a', 'two')
    expect(await cached.getItem('a')).toBe('two')
    await cached.removeItem!('a')
    expect(await cached.getItem('a')).toBeNull()
    expect(await cached.hasItem('a')).toBe(false)
  })

  it('does not remember missing keys', async () => {
    const { data, driver } = countingDriver()
    const cached = cacheStorageReads(driver, { ttlMs: 60_000, maxEntries: 10 })
    expect(await cached.getItem('a')).toBeNull()
    data.set('a', 'later')
    expect(await cached.getItem('a')).toBe('later')
  })

  it('does not store a read that overlapped a write', async () => {
    const { data, driver } = countingDriver()
    data.set('a', 'old')
    let release!: () => void
    const slow: TStorageDriver = {
      ...driver,
      getItem: async (key) => {
        const value = data.get(key) ?? null
        await new Promise<void>(resolve => release = resolve)
        return value
      },
    }
    const cached = cacheStorageReads(slow, { ttlMs: 60_000, maxEntries: 10 })
    const read = cached.getItem('a')
    await cached.setItem!('a', 'new')
    release()
    expect(await read).toBe('old')
    const next = cached.getItem('a')
    release()
    expect(await next).toBe('new')
  })

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const { data, reads, driver } = countingDriver()
    for (const key of ['a', 'b', 'c'])
      data.set(key, key)
    const cached = cacheStorageReads(driver, { ttlMs: 60_000, maxEntries: 2 })
    await cached.getItem('a')
    await cached.getItem('b')
    await cached.getItem('a')
    await cached.getItem('c')
    reads.length = 0
    await cached.getItem('a')
    await cached.getItem('b')
    expect(reads).toEqual(['b'])
  })
})
