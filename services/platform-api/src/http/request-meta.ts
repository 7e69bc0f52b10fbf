import type { H3Event } from 'h3'
import type { AuditActor } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import { randomUUID } from 'node:crypto'
import { isIP } from 'node:net'
import { getRequestIP } from 'h3'
import { rolesOf } from '../auth/principal'

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

/**
 * The client's address for audit entries. X-Forwarded-For is only believed for the number of proxies the
 * operator says sit in front of the API (`TRUST_PROXY_HOPS`), read from the right: every hop left of
 * those could have been written by the client. Anything that is not an IP address is ignored.
 */
export function resolveClientIp(event: H3Event, trustedHops: number): string | null {
  const peer = getRequestIP(event) ?? null
  if (trustedHops <= 0)
    return peer
  const hops = (event.req.headers.get('x-forwarded-for') ?? '').split(',').map(hop => hop.trim()).filter(Boolean)
  const candidate = hops[hops.length - trustedHops]
  return candidate && isIP(candidate)
    ? candidate
    : peer
}

export function clientIpOf(event: H3Event): string | null {
  return (event.context.clientIp as string | null | undefined) ?? getRequestIP(event) ?? null
}

export function userAgentOf(event: H3Event): string | null {
  return event.req.headers.get('user-agent')?.slice(0, 512) ?? null
}

/** Who an audit entry names, for writes made outside a mutating route (e.g. memberships synced on sign-in). */
export function auditActorOf(event: H3Event, principal: Principal): AuditActor {
  return {
    subject: principal.subject,
    roles: rolesOf(principal),
    email: principal.email,
    name: principal.name,
    actingAs: principal.actingAs,
    requestId: requestIdOf(event),
    ip: clientIpOf(event),
    userAgent: userAgentOf(event),
  }
}
