import { z } from 'zod'

const seconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback)

/**
 * The reconciler's settings and the upstreams it provisions into (part of the API's config; README.md
 * documents each). An upstream left unset is not guessed at: its step fails with "not configured".
 */
export const RECONCILER_CONFIG = {
  /** `inline`: this API process also runs a worker; `off`: only separate worker processes do. */
  RECONCILER: z.enum(['inline', 'off']).default('inline'),
  RECONCILER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  RECONCILER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  RECONCILER_LEASE_SECONDS: seconds(30, 3600),
  /** How often a converged tenant is checked for drift. */
  RECONCILER_RESYNC_SECONDS: seconds(600, 86_400),
  RECONCILER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  RECONCILER_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(60_000).default(1000),
  RECONCILER_BACKOFF_MAX_MS: z.coerce.number().int().min(10).max(3_600_000).default(60_000),
  /** Deadline of each upstream call. */
  UPSTREAM_TIMEOUT_MS: z.coerce.number().int().min(50).max(120_000).default(10_000),
  AUTHENTIK_URL: z.url().optional(),
  AUTHENTIK_TOKEN: z.string().min(1).optional(),
  STALWART_URL: z.url().optional(),
  /** A management API key (sent as Bearer)… */
  STALWART_API_KEY: z.string().min(1).optional(),
  /** …or an administrator's name and secret (Basic). */
  STALWART_ADMIN_USER: z.string().min(1).optional(),
  STALWART_ADMIN_SECRET: z.string().min(1).optional(),
  /** Wait this long for automatic DKIM keys before asking Stalwart to generate them again. */
  MAIL_DKIM_GRACE_MS: z.coerce.number().int().min(1000).max(86_400_000).default(120_000),
  OCIS_URL: z.url().optional(),
  /** An admin's OIDC or API token (Bearer)… */
  OCIS_TOKEN: z.string().min(1).optional(),
  /** …or an admin's app token from the `auth-app` service (Basic user:token). */
  OCIS_APP_USER: z.string().min(1).optional(),
  OCIS_APP_TOKEN: z.string().min(1).optional(),
  /** e.g. `smtp://user:pass@mail.example.com:587`; `smtps://` for implicit TLS. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'an smtp:// or smtps:// URL').optional(),
  MAIL_FROM: z.string().min(3).default('Dezky <no-reply@dezky.dev>'),
  /** Linked from the onboarding mail. */
  PORTAL_URL: z.url().default('http://localhost:3000'),
}
