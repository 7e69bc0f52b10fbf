/** How long typing pauses before the search reaches the URL (and the API). */
const SEARCH_DEBOUNCE_MS = 300

/**
 * A searchable, sortable, paged list whose search, filters and sort live in the URL (a filtered list is
 * a link to share, Back restores it) while the page cursor does not: any change of them goes back to the
 * first page. `search` is the search box's model, written to `?q=` once typing pauses; `tableSort` is
 * DataTable's `field:asc|desc` over the API's `field` / `-field`.
 *
 * @example
 * const list = useListQuery(['status'] as const, { defaultSort: 'name' })
 * useFetch('/api/tenants', { query: computed(() => ({ q: list.q.value, sort: list.sort.value, ...list.pages.query.value })) })
 */
export function useListQuery<K extends string>(filterKeys: readonly K[], options: { defaultSort: string, pageSize?: number }) {
  const filters = useQueryFilters<K | 'q' | 'sort'>([...filterKeys, 'q', 'sort'])
  const q = computed(() => filters.value('q'))
  const sort = computed(() => filters.value('sort') || options.defaultSort)
  const pages = useCursorPages(options.pageSize ?? 25)
  watch(() => [
    q.value,
    sort.value,
    ...filterKeys.map(key => filters.value(key)),
  ], () => pages.reset())

  const search = ref(q.value)
  let debounce: ReturnType<typeof setTimeout> | undefined
  watch(search, (value) => {
    clearTimeout(debounce)
    debounce = setTimeout(() => filters.set({
      q: value.trim(),
    } as Partial<Record<K | 'q' | 'sort', string>>, { replace: true }), SEARCH_DEBOUNCE_MS)
  })
  // Back and forward change `?q=` under the box: follow it unless it is what is being typed.
  watch(q, (value) => {
    if (value !== search.value.trim())
      search.value = value
  })
  onBeforeUnmount(() => clearTimeout(debounce))

  const tableSort = computed({
    get: () => sort.value.startsWith('-')
      ? `${sort.value.slice(1)}:desc`
      : `${sort.value}:asc`,
    set: (value: string | undefined) => {
      const [field, direction] = (value ?? `${options.defaultSort}:asc`).split(':')
      void filters.set({
        sort: direction === 'desc'
          ? `-${field}`
          : field,
      } as Partial<Record<K | 'q' | 'sort', string>>)
    },
  })

  return {
    filters,
    q,
    sort,
    search,
    tableSort,
    pages,
  }
}
