import type { H3Event } from 'h3'
import { randomUUID } from 'node:crypto'
import { getRequestIP } from 'h3'

const SAFE_REQUEST_ID = /^[\w.:-]{1,128}$/

/** Accepts the caller's X-Request-Id when it is safe to log, otherwise makes one. */
export function requestIdOf(event: H3Event): string {
  const cached = event.context.requestId as string | undefined
  if (cached)
    return cached
  const incoming = event.req.headers.get('x-request-id')
  const id = incoming && SAFE_REQUEST_ID.test(incoming)
    ? incoming
    : randomUUID()
  event.context.requestId = id
  return id
}

export function clientIpOf(event: H3Event): string | null {
  return getRequestIP(event, { xForwardedFor: true }) ?? null
}

export function userAgentOf(event: H3Event): string | null {
  return event.req.headers.get('user-agent')?.slice(0, 512) ?? null
}
