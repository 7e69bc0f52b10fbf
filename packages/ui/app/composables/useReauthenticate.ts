// A session younger than this that still gets a 401 means the API rejects fresh tokens (wrong
// audience, clock skew): sending the user to sign in again would loop, so we ask instead.
const FRESH_SESSION_SECONDS = 60

/** What to do when the BFF answers 401: sign in again, automatically unless that would loop. */
export function useReauthenticate() {
  const { user, login } = useOidcAuth()
  const canRetryAutomatically = computed(() => {
    const loggedInAt = Number(user.value?.loggedInAt ?? 0)
    return Date.now() / 1000 - loggedInAt > FRESH_SESSION_SECONDS
  })
  return {
    canRetryAutomatically,
    reauthenticate: () => login(),
  }
}
