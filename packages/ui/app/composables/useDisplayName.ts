/** The signed-in user's name for the shell, from the OIDC session (claims, then userinfo). */
export function useDisplayName() {
  const { user } = useOidcAuth()
  return computed(() => {
    const session = user.value
    if (!session)
      return ''
    const candidates = [
      session.userName,
      session.claims?.name,
      session.userInfo?.name,
      session.claims?.preferred_username,
      session.claims?.email,
      session.userInfo?.email,
    ]
    return candidates.find((value): value is string => typeof value === 'string' && value.length > 0) ?? ''
  })
}
