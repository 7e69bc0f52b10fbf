import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { useCursorPages } from './useCursorPages'

describe('useCursorPages', () => {
  it('walks forward and back through the cursors', () => {
    const pages = useCursorPages(10)
    expect([pages.cursor.value, pages.page.value, pages.hasPrevious.value]).toEqual([undefined, 1, false])
    pages.next('c2')
    pages.next('c3')
    expect([pages.cursor.value, pages.page.value, pages.hasPrevious.value]).toEqual(['c3', 3, true])
    pages.previous()
    expect([pages.cursor.value, pages.page.value]).toEqual(['c2', 2])
    pages.previous()
    expect([pages.cursor.value, pages.page.value, pages.hasPrevious.value]).toEqual([undefined, 1, false])
    pages.previous()
    expect(pages.page.value).toBe(1)
  })

  it('ignores a missing next cursor (last page)', () => {
    const pages = useCursorPages()
    pages.next(null)
    expect([pages.cursor.value, pages.page.value]).toEqual([undefined, 1])
  })

  it('starts over when the page size changes or on reset', async () => {
    const pages = useCursorPages(10)
    pages.next('c2')
    pages.limit.value = 50
    await nextTick()
    expect([pages.cursor.value, pages.page.value]).toEqual([undefined, 1])
    pages.next('c9')
    pages.reset()
    expect(pages.cursor.value).toBeUndefined()
  })
})
