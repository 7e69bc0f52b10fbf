/**
 * Cursor paging for the API's `ZPage` lists, which only know "next" (`nextCursor`): the cursors of the
 * pages already seen are kept on a stack so "previous" can go back. Changing the filter or sort should
 * call `reset()` (a cursor belongs to one query).
 *
 * @example
 * const pages = useCursorPages(25)
 * const { data } = useFetch('/api/tenants', { query: computed(() => ({ limit: pages.limit.value, cursor: pages.cursor.value })) })
 * // <DataTable :has-previous="pages.hasPrevious.value" :has-next="!!data.value?.nextCursor"
 * //   @next="pages.next(data.value!.nextCursor)" @previous="pages.previous()" v-model:page-size="pages.limit.value" />
 */
export function useCursorPages(pageSize = 25) {
  const limit = ref(pageSize)
  /** Cursors of the pages before the current one; the first page has no cursor. */
  const stack = ref<Array<string | undefined>>([])
  const cursor = ref<string | undefined>()

  function next(nextCursor: string | null | undefined) {
    if (!nextCursor)
      return
    stack.value = [...stack.value, cursor.value]
    cursor.value = nextCursor
  }

  function previous() {
    if (!stack.value.length)
      return
    cursor.value = stack.value.at(-1)
    stack.value = stack.value.slice(0, -1)
  }

  function reset() {
    stack.value = []
    cursor.value = undefined
  }

  // A cursor is only valid for the page size it was made with.
  watch(limit, reset)

  return {
    limit,
    cursor: readonly(cursor),
    /** 1-based number of the page shown. */
    page: computed(() => stack.value.length + 1),
    hasPrevious: computed(() => stack.value.length > 0),
    next,
    previous,
    reset,
  }
}
