import { ZFlagEnvironmentKey } from '@dezky/contracts'
import { z } from 'zod'

/** The feature flags' settings (part of the API's config; docs/flags.md documents each). */
export const FLAG_CONFIG = {
  /**
   * The environment this process evaluates OFREP requests in (a key of `flag_environments`); unset:
   * `production` when NODE_ENV is production, else `development`.
   */
  FLAGS_ENVIRONMENT: ZFlagEnvironmentKey.optional(),
  /** How often a process adds its in-memory evaluation counts to the database. */
  FLAG_COUNTS_FLUSH_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** The cache's fallback poll of the flag set's version, for a NOTIFY that was missed (bound: docs/flags.md). */
  FLAG_CACHE_POLL_MS: z.coerce.number().int().min(50).max(10_000).default(500),
  /** `inline`: this process applies due schedules (each exactly once across processes); `off`: it does not. */
  FLAG_SCHEDULES: z.enum(['inline', 'off']).default('inline'),
  FLAG_SCHEDULE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
}

export function flagsEnvironmentOf(config: { FLAGS_ENVIRONMENT?: string }, nodeEnv = process.env.NODE_ENV): string {
  return config.FLAGS_ENVIRONMENT ?? (nodeEnv === 'production'
    ? 'production'
    : 'development')
}
