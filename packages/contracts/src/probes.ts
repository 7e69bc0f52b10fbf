import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZProvisioningStepName } from './provisioning'

/** The dependencies the API probes: the three upstream HTTP services, the SMTP relay and its own database. */
export const PROBE_NAMES = [
  'authentik',
  'stalwart',
  'ocis',
  'smtp',
  'postgres',
] as const
export const ZProbeName = z.enum(PROBE_NAMES)
export type TProbeName = z.infer<typeof ZProbeName>

/** `http`: TCP connect + GET of the upstream's health endpoint; `smtp`: TCP connect + the 220 greeting; `postgres`: `select 1`. */
export const ZProbeKind = z.enum(['http', 'smtp', 'postgres'])
export type TProbeKind = z.infer<typeof ZProbeKind>

/**
 * `unknown`: configured, never probed yet; `stale`: the last result is older than two intervals (no prober
 * is running), so it is not shown as live; `not-configured`: the API has no address for it and never probes it.
 */
export const PROBE_STATUSES = [
  'ok',
  'failed',
  'unknown',
  'stale',
  'not-configured',
] as const
export const ZProbeStatus = z.enum(PROBE_STATUSES)
export type TProbeStatus = z.infer<typeof ZProbeStatus>

/** Where a failed check stopped: connecting, the HTTP answer, the SMTP greeting or the SQL query. */
export const ZProbePhase = z.enum(['tcp', 'http', 'greeting', 'query'])
export type TProbePhase = z.infer<typeof ZProbePhase>

export const ZProbeResult = z.object({
  checkedAt: ZDateTime,
  ok: z.boolean(),
  latencyMs: z.number().int(),
  /** A short reason, never a URL with credentials. */
  error: z.string().nullable(),
  phase: ZProbePhase.nullable(),
})
export type TProbeResult = z.infer<typeof ZProbeResult>

export const ZProbe = z.object({
  name: ZProbeName,
  kind: ZProbeKind,
  /** `host:port` only; null when not configured. */
  target: z.string().nullable(),
  status: ZProbeStatus,
  latencyMs: z.number().int().nullable(),
  lastCheckedAt: ZDateTime.nullable(),
  lastError: z.string().nullable(),
  /** When the probe last turned ok or failed. */
  lastChangeAt: ZDateTime.nullable(),
  /** The latest results, newest first (for a sparkline). */
  recent: z.array(ZProbeResult),
})
export type TProbe = z.infer<typeof ZProbe>

export const ZProbeList = z.object({
  intervalSeconds: z.number().int(),
  probes: z.array(ZProbe),
})
export type TProbeList = z.infer<typeof ZProbeList>

export const ZProbeHistory = z.object({
  name: ZProbeName,
  /** Newest first. */
  items: z.array(ZProbeResult),
})
export type TProbeHistory = z.infer<typeof ZProbeHistory>

/** `event: probe.changed` on `GET /operator/events`: a probe turned ok or failed. */
export const ZProbeChangedEvent = z.object({
  name: ZProbeName,
  status: z.enum(['ok', 'failed']),
  error: z.string().nullable(),
  checkedAt: ZDateTime,
})
export type TProbeChangedEvent = z.infer<typeof ZProbeChangedEvent>

/** `event: provisioning.failed` on `GET /operator/events`: a tenant's step failed an attempt. */
export const ZProvisioningFailedEvent = z.object({
  tenantSlug: z.string(),
  step: ZProvisioningStepName,
  attempts: z.number().int(),
  /** The step's last error, shortened. */
  error: z.string(),
  /** False: the step rests in `error` until someone retries it. */
  retrying: z.boolean(),
  at: ZDateTime,
})
export type TProvisioningFailedEvent = z.infer<typeof ZProvisioningFailedEvent>
