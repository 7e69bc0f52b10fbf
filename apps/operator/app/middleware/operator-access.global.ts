// Runs after nuxt-oidc-auth's `00.auth.global` (global middleware run in name order): by then a visitor
// without a session is on the way to sign-in, and a signed-in one is checked here on every page.
export default defineNuxtRouteMiddleware(async (to) => {
  // The gate pages themselves, the sign-out landing and Nuxt's error page stay reachable.
  if (to.path.startsWith('/auth/') || to.matched.length === 0)
    return
  const { loggedIn, user } = useOidcAuth()
  if (!loggedIn.value)
    return
  const me = await useOperatorMe().load()
  const groups = (user.value?.userInfo as { groups?: unknown } | undefined)?.groups
  const access = operatorAccessOf(me, groups)
  if (access !== 'granted')
    return navigateTo(`/auth/${access}`, { replace: true })
})
