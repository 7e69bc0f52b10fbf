// The stock way to reach an API from pages: a server route with `$fetch`. The token the bench gives this
// app stands in for a session, so the page pays for the reads and not for sign-in.
export default defineEventHandler((event) => {
  const { apiUrl, apiToken } = useRuntimeConfig(event)
  return $fetch(`/tenants/${getRouterParam(event, 'path')}`, {
    baseURL: apiUrl,
    headers: { authorization: `Bearer ${apiToken}` },
  })
})
