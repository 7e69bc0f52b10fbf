import { z } from 'zod'

/**
 * The infrastructure probes' settings (part of the API's config; docs/operator-probes.md documents each).
 * What is probed is not set here: every upstream the reconciler is configured with, plus the database.
 */
export const PROBE_CONFIG = {
  /** `inline`: this API process takes part in probing (one round per interval across all processes); `off`: it only serves results. */
  PROBES: z.enum(['inline', 'off']).default('inline'),
  PROBE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Deadline of one check, connect and answer included. */
  PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** Results older than this are pruned by the prober. */
  PROBE_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
}
