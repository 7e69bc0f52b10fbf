import type { IncomingMessage, ServerResponse } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { sendJson } from '../kit/json'

/** Field errors as Django REST framework reports them: `{"field": ["message"]}`. */
export type FieldErrors = Record<string, string[]>

/** DRF's generic error body (the spec's GenericError). */
export function detail(message: string): { detail: string } {
  return { detail: message }
}

export function sendNotFound(res: ServerResponse, model?: 'Application' | 'Group' | 'User'): void {
  // DRF passes Http404's message on: get_object_or_404 names the model, a bare Http404 does not.
  sendJson(res, 404, detail(model
    ? `No ${model} matches the given query.`
    : 'Not found.'))
}

export function sendMethodNotAllowed(res: ServerResponse, method: string): void {
  sendJson(res, 405, detail(`Method "${method}" not allowed.`))
}

export function sendValidation(res: ServerResponse, errors: FieldErrors): void {
  sendJson(res, 400, errors)
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Authentik's TokenAuthentication: answers with the status and body upstream sends and returns false
 * when the request may not go on. Its authenticators send no WWW-Authenticate challenge, so DRF turns
 * every authentication failure into 403, not 401.
 */
export function checkApiToken(req: IncomingMessage, res: ServerResponse, apiToken: string): boolean {
  const header = (req.headers.authorization ?? '').trim()
  if (!header || !header.includes(' ')) {
    sendJson(res, 403, detail('Authentication credentials were not provided.'))
    return false
  }
  const [scheme, ...rest] = header.split(' ')
  const credentials = rest.join(' ')
  if (scheme!.toLowerCase() !== 'bearer') {
    sendJson(res, 403, detail('Unsupported authentication type'))
    return false
  }
  if (!credentials) {
    sendJson(res, 403, detail('Malformed header'))
    return false
  }
  if (!sameSecret(credentials, apiToken)) {
    sendJson(res, 403, detail('Token invalid/expired'))
    return false
  }
  return true
}
