import type { TMe } from '@dezky/contracts'

/**
 * Who the signed-in person is for the API (`/api/me`), read once per page load and shared by the access
 * middleware and every role check, so a navigation costs no extra request.
 *
 * @example
 * const me = await useOperatorMe().load()
 */
export function useOperatorMe() {
  const me = useState<TMe | null>('operator-me', () => null)
  const fetcher = useRequestFetch()

  async function load() {
    me.value ??= await fetcher<TMe>('/api/me')
    return me.value
  }

  return { me, load }
}
