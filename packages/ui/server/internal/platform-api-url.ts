export type PlatformApiQuery = Record<string, string | number | boolean | null | undefined>

/**
 * The API URL for `path`, which must stay under the API's base: the user's bearer token goes with it, so
 * a path that resolves elsewhere (`//host`, `\\host`, `https:host`, `../`) is a programming error.
 */
export function buildPlatformApiUrl(base: string, path: string, query: PlatformApiQuery = {}) {
  const root = new URL(base.endsWith('/')
    ? base
    : `${base}/`)
  if (!path.startsWith('/') || /\\|^\/\/|(?:^|\/)\.\.?(?:\/|$)/.test(path))
    throw new Error(`callPlatformApi: "${path}" is not an absolute path on the platform API`)
  const url = new URL(path.slice(1), root)
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname))
    throw new Error(`callPlatformApi: "${path}" leaves the platform API`)
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null)
      url.searchParams.set(key, String(value))
  }
  return url
}
