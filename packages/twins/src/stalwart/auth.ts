import type { IncomingMessage } from 'node:http'
import { timingSafeEqual } from 'node:crypto'

/** Dev defaults of the twin's credentials (never used by a real server). */
export const STALWART_TWIN_ADMIN_USER = 'admin'
export const STALWART_TWIN_ADMIN_SECRET = 'dezky-stalwart-dev-secret'
export const STALWART_TWIN_API_KEY = 'api_dezky_stalwart_dev_key'

export interface TwinCredentials {
  adminUser: string
  adminSecret: string
  apiKey: string
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * `none` without an Authorization header, `ok` for Basic admin credentials or the Bearer API key
 * (README: API keys are management credentials), `refused` otherwise.
 */
export function checkAuthorization(req: IncomingMessage, credentials: TwinCredentials): 'none' | 'ok' | 'refused' {
  const header = req.headers.authorization
  if (!header)
    return 'none'
  const [scheme, value = ''] = header.split(' ', 2)
  if (scheme?.toLowerCase() === 'bearer') {
    return same(value, credentials.apiKey)
      ? 'ok'
      : 'refused'
  }
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon > 0 && same(decoded.slice(0, colon), credentials.adminUser) && same(decoded.slice(colon + 1), credentials.adminSecret)
      ? 'ok'
      : 'refused'
  }
  return 'refused'
}
