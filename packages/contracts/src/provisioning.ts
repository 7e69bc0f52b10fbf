import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZTenantStatus } from './tenants'

export const PROVISIONING_STEPS = [
  'identity',
  'mail',
  'files',
  'onboarding',
] as const
export const ZProvisioningStepName = z.enum(PROVISIONING_STEPS)
export type TProvisioningStepName = z.infer<typeof ZProvisioningStepName>

export const PROVISIONING_STATUSES = [
  'pending',
  'running',
  'ok',
  'skipped',
  'error',
] as const
export const ZProvisioningStatus = z.enum(PROVISIONING_STATUSES)

/** A DNS record the customer must publish for their mail domain, as the mail server rendered it. */
export const ZDnsRecord = z.object({
  domain: z.string(),
  type: z.string(),
  name: z.string(),
  value: z.string(),
  ttl: z.number().int().optional(),
  /** mx, spf, dkim, dmarc, mta-sts, tls-rpt, autoconfig, autodiscover, srv, other */
  purpose: z.string(),
})
export type TDnsRecord = z.infer<typeof ZDnsRecord>

export const ZProvisioningStep = z.object({
  step: ZProvisioningStepName,
  status: ZProvisioningStatus,
  /** Consecutive failed attempts since the last success or retry. */
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** Why the step waits or was skipped. */
  detail: z.string().nullable(),
  /** Null: resting — converged until the next change, or failed for good until retried. */
  nextAttemptAt: ZDateTime.nullable(),
  lastStartedAt: ZDateTime.nullable(),
  lastReconciledAt: ZDateTime.nullable(),
  /** Upstream ids the step saw (group uuids, account ids, the space id). */
  observed: z.record(z.string(), z.unknown()),
  updatedAt: ZDateTime,
})
export type TProvisioningStep = z.infer<typeof ZProvisioningStep>

export const ZProvisioning = z.object({
  tenantSlug: z.string(),
  tenantStatus: ZTenantStatus,
  /** Every step ok or skipped. */
  converged: z.boolean(),
  steps: z.array(ZProvisioningStep),
  /** Records to publish, from the mail step (empty until the mail server has made the DKIM keys). */
  dnsRecords: z.array(ZDnsRecord),
  onboardingSentAt: ZDateTime.nullable(),
})
export type TProvisioning = z.infer<typeof ZProvisioning>

const ZReason = z.string().trim().min(3).max(500)

export const ZSuspendTenant = z.strictObject({ reason: ZReason })
export type TSuspendTenant = z.infer<typeof ZSuspendTenant>

export const ZResumeTenant = z.strictObject({
  reason: ZReason.optional(),
})
export type TResumeTenant = z.infer<typeof ZResumeTenant>

export const ZOffboardTenant = z.strictObject({
  reason: ZReason,
  /** Days during which the tenant is suspended and can still be resumed with nothing lost. */
  graceDays: z.number().int().min(0).max(365).default(30),
})
export type TOffboardTenant = z.infer<typeof ZOffboardTenant>
