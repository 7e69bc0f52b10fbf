import type { ServerResponse } from 'node:http'
import { sendEmpty } from '../kit/json'

/**
 * Stalwart's `GET /healthz/live` and `/healthz/ready` (its HTTP listener, no authentication): 200 with
 * no body. Faults set through `/__twin/faults` (e.g. `paths: ['/healthz/']`) turn them into 5xx, hangs or resets.
 *
 * @returns whether the path was a health endpoint (and answered).
 */
export function handleStalwartHealth(res: ServerResponse, method: string, pathname: string): boolean {
  if (method !== 'GET' || (pathname !== '/healthz/live' && pathname !== '/healthz/ready'))
    return false
  sendEmpty(res, 200)
  return true
}
