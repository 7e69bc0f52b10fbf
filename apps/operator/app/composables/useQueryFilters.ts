/**
 * Filters kept in the URL's query, so a filtered list is a link to share and Back returns to the
 * previous filters: reading a key gives its value ('' when absent), `set` pushes a history entry
 * (`replace: true` for keystrokes, which should not fill the history).
 *
 * @example
 * const filters = useQueryFilters(['q', 'status'] as const)
 * filters.value('status') // 'active'
 * filters.set({ status: '' }) // removes ?status
 */
export function useQueryFilters<K extends string>(keys: readonly K[]) {
  const route = useRoute()
  const router = useRouter()

  function value(key: K): string {
    const raw = route.query[key]
    return typeof raw === 'string'
      ? raw
      : ''
  }

  function set(patch: Partial<Record<K, string>>, options: { replace?: boolean } = {}) {
    const query = { ...route.query }
    for (const key of keys) {
      if (!(key in patch))
        continue
      const next = patch[key]
      if (next)
        query[key] = next
      else
        delete query[key]
    }
    return options.replace
      ? router.replace({ query })
      : router.push({ query })
  }

  return { value, set }
}
