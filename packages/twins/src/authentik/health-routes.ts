import type { ServerResponse } from 'node:http'
import { sendEmpty, sendJson } from '../kit/json'

/** Authentik's health endpoints live beside the API, not under `/api/v3` (docs: "Monitoring"). */
export const AUTHENTIK_HEALTH_PREFIX = '/-/health/'

/**
 * `GET /-/health/live/` (the server runs) and `/-/health/ready/` (its database answers): 200 with no
 * body, no authentication. The twin has no database to lose, so ready is down only through faults
 * (`PUT /__twin/faults` with `paths: ['/-/health/']`), which apply to these paths like to the API.
 */
export function handleAuthentikHealth(res: ServerResponse, method: string, pathname: string): void {
  if (pathname !== `${AUTHENTIK_HEALTH_PREFIX}live/` && pathname !== `${AUTHENTIK_HEALTH_PREFIX}ready/`)
    return sendJson(res, 404, { detail: 'Not found.' })
  if (method !== 'GET' && method !== 'HEAD')
    return sendJson(res, 405, { detail: `Method "${method}" not allowed.` })
  sendEmpty(res, 200)
}
