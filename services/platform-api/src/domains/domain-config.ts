import { isIP, isIPv4, isIPv6 } from 'node:net'
import { z } from 'zod'

/** `Resolver.setServers` takes addresses, not host names: `1.2.3.4`, `1.2.3.4:53`, `::1` or `[::1]:53`. */
function isResolverAddress(server: string): boolean {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(server)
  if (bracketed)
    return isIPv6(bracketed[1]!) && Number(bracketed[2] ?? 53) <= 65535
  const [host, port = '53', ...rest] = server.split(':')
  if (rest.length === 0 && isIPv4(host!))
    return /^\d{1,5}$/.test(port) && Number(port) <= 65535
  return isIP(server) === 6
}

/**
 * The domains feature's settings (part of the API's config; README.md documents each): where DNS checks
 * ask, how long they wait, and the mail host the records point at before the mail server has rendered
 * the domain's zone.
 */
export const DOMAIN_CONFIG = {
  /** Comma-separated `host:port` (`[::1]:53` for IPv6); unset → the system's resolvers. */
  DNS_SERVERS: z.string().trim().min(1).optional().transform(value => value?.split(',').map(server => server.trim()).filter(Boolean)).refine(servers => !servers || servers.every(isResolverAddress), 'IP addresses with an optional port, such as 127.0.0.1:5353 or [::1]:53'),
  /** Deadline of one DNS query; a query is sent once (no retries), so a check ends within about this. */
  DNS_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(3000),
  /** The mail server's public host name, for MX/autoconfig records until the mail step has the zone. */
  MAIL_MX_HOST: z.string().trim().toLowerCase().regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a host name such as mail.example.com').optional(),
}

export type DomainConfig = z.infer<z.ZodObject<typeof DOMAIN_CONFIG>>
