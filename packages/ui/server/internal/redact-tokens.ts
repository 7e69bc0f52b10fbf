const JWT_SHAPED = /eyJ[\w-]+\.[\w-]+\.[\w-]+/
const TOKEN_KEYS = new Set([
  'accessToken',
  'idToken',
  'refreshToken',
  'access_token',
  'id_token',
  'refresh_token',
])

/**
 * Removes every token from a session object in place: the known token fields, and any string that
 * looks like a JWT wherever it sits (claims and userinfo are copied from the IdP as they are).
 */
export function redactTokens(value: unknown): void {
  if (!value || typeof value !== 'object')
    return
  for (const [key, child] of Object.entries(value)) {
    if (TOKEN_KEYS.has(key) || (typeof child === 'string' && JWT_SHAPED.test(child)))
      delete (value as Record<string, unknown>)[key]
    else
      redactTokens(child)
  }
}
