import { z } from 'zod'
import { DOMAIN_CONFIG } from './domains/domain-config'
import { FLAG_CONFIG } from './flag-evaluation/flag-config'
import { PROBE_CONFIG } from './probes/probe-config'
import { RECONCILER_CONFIG } from './provisioning/reconciler-config'

const ZLogLevel = z.enum([
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
])

/** Every setting the API reads from its environment; README.md documents each one. */
export const ZConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Unset → an embedded PostgreSQL 18 under DEZKY_DATA_DIR, so the product runs with nothing installed. */
  DATABASE_URL: z.string().regex(/^postgres(?:ql)?:\/\//, 'a postgres:// URL').optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DEZKY_DATA_DIR: z.string().min(1).default('.data'),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  OIDC_ISSUER: z.url().default('http://localhost:4010'),
  /**
   * Accepted `aud` values, comma-separated. Authentik sets `aud` to the client id of the provider that
   * issued the token, so a deployment lists the portal's and the operator console's client ids.
   */
  OIDC_AUDIENCE: z.string().min(1).default('dezky-platform-api').transform(v => v.split(',').map(a => a.trim()).filter(Boolean)),
  /** Overrides the `jwks_uri` of the issuer's discovery document. */
  OIDC_JWKS_URL: z.url().optional(),
  /** Minimum time between two JWKS fetches triggered by an unknown `kid`. */
  OIDC_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * Required JOSE `typ` of access tokens, e.g. `at+jwt` (RFC 9068) where the IdP sets it, so an ID token
   * of the same issuer and audience cannot pass as an access token. Authentik marks both `JWT`: unset.
   */
  OIDC_ACCESS_TOKEN_TYP: z.string().min(1).max(40).optional(),
  /** Verified access tokens remembered until they expire, so a session's token is checked once; 0 = off. */
  OIDC_TOKEN_CACHE_SIZE: z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  OIDC_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(5),
  /** `false` lets operator roles work without an MFA `amr` — only for an IdP that cannot report it. */
  OPERATOR_REQUIRE_MFA: z.enum(['true', 'false']).default('true').transform(v => v === 'true'),
  LOG_LEVEL: ZLogLevel.default('info'),
  /** Proxies in front of the API whose X-Forwarded-For entries are believed (0: use the socket's peer). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_000_000),
  PUBLIC_URL: z.url().optional(),
  /** Longest life of a server-sent events stream; clients reconnect and their token is checked again. */
  SSE_MAX_SECONDS: z.coerce.number().int().min(5).max(3600).default(300),
  /** The webmail people open from the portal's launcher; unset → no webmail card. */
  WEBMAIL_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The files web UI, for tenants whose space address the files step has not recorded yet. */
  FILES_URL: z.url({ protocol: /^https?$/ }).optional(),
  ...RECONCILER_CONFIG,
  ...DOMAIN_CONFIG,
  ...PROBE_CONFIG,
  ...FLAG_CONFIG,
})
export type Config = z.infer<typeof ZConfig>

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/**
 * Reads and validates configuration; a wrong value fails fast with a message that names the variable.
 *
 * @example
 * loadConfig({ PORT: 'abc' }) // throws ConfigError: "Invalid configuration: PORT: Invalid input: expected number, received NaN"
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const parsed = ZConfig.safeParse(cleaned)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(issue => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`)
  }
  return parsed.data
}
