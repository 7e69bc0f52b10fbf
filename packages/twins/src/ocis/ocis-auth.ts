import type { IncomingMessage } from 'node:http'
import { timingSafeEqual } from 'node:crypto'

/** The dev stack's bearer token for the twin's admin (an OIDC access token stands in for it upstream). */
export const OCIS_TWIN_DEV_TOKEN = 'dev-ocis-admin-token'
/** The dev stack's app token (OCIS `auth-app` service), sent as Basic `admin:<token>`. */
export const OCIS_TWIN_DEV_APP_TOKEN = 'dev-ocis-app-token'

export interface OcisAuthOptions {
  /** Bearer tokens that authenticate as the admin. */
  bearerTokens: readonly string[]
  /** Basic credentials (user name + app token) that authenticate as the admin. */
  appTokens: readonly { user: string, token: string }[]
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/** Whether the request carries one of the accepted credentials. */
export function isAuthenticated(req: IncomingMessage, options: OcisAuthOptions): boolean {
  const header = req.headers.authorization ?? ''
  const [scheme, value = ''] = header.split(/\s+/, 2)
  if (scheme?.toLowerCase() === 'bearer')
    return options.bearerTokens.some(token => same(token, value))
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    const user = decoded.slice(0, colon)
    const token = decoded.slice(colon + 1)
    return colon > 0 && options.appTokens.some(app => same(app.user, user) && same(app.token, token))
  }
  return false
}
