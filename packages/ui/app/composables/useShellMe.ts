/**
 * The signed-in user as the API sees them (`/api/me`: memberships, partner names), for the shell's
 * switcher and navigation. Fetched in the browser after the page is shown, never during the server
 * render, so the shell does not slow a page down. The switcher and the sidebar share one request (the
 * same key; `defer` joins the request in flight instead of cancelling it for a second one), and a page
 * that loaded /api/me itself shares its answer too.
 *
 * @example
 * const { data: me } = useShellMe()
 * // me.value?.partners → [{ slug: 'rio', role: 'partner_admin', name: 'Rio Hosting' }]
 */
export function useShellMe(options: { immediate?: boolean } = {}) {
  return useFetch('/api/me', {
    lazy: true,
    server: false,
    dedupe: 'defer',
    immediate: options.immediate ?? true,
  })
}
