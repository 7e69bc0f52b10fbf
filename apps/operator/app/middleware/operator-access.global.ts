// Runs after nuxt-oidc-auth's `00.auth.global` (global middleware run in name order): by then a visitor
// without a session is on the way to sign-in, and a signed-in one is checked here on every page.
export default defineNuxtRouteMiddleware(async (to) => {
  // The gate pages themselves, the sign-out landing and Nuxt's error page stay reachable.
  if (to.path.startsWith('/auth/') || to.matched.length === 0)
    return
  const { loggedIn, user } = useOidcAuth()
  if (!loggedIn.value)
    return
  let me
  try {
    me = await useOperatorMe().load()
  }
  catch (error) {
    const statusCode = (error as { statusCode?: number }).statusCode ?? 503
    // A session the server no longer holds (revoked, expired beyond refresh): sign in again.
    if (statusCode === 401)
      return navigateTo('/auth/login', { external: true })
    // Without knowing the role the console cannot decide what to show: an error page, not a half console.
    throw createError({ statusCode, statusMessage: 'Operator access could not be checked', fatal: true })
  }
  const groups = (user.value?.userInfo as { groups?: unknown } | undefined)?.groups
  const access = operatorAccessOf(me, groups)
  if (access !== 'granted')
    return navigateTo(`/auth/${access}`, { replace: true })
})
