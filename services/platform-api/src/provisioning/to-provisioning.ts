import type { TDnsRecord, TProvisioning } from '@dezky/contracts'
import type { ProvisioningStepRow, TenantRow } from '../db/schema'
import { STEP_NAMES } from './step'

const iso = (date: Date | null) => date?.toISOString() ?? null

/**
 * The provisioning view of a tenant: its steps in pipeline order, the DNS records and onboarding.
 * Without `details`, upstream error texts and ids are left out: they quote upstream answers (which
 * may tell whether an address exists elsewhere) and are for operators and partners to act on.
 */
export function toProvisioning(tenant: Pick<TenantRow, 'slug' | 'status'>, rows: ProvisioningStepRow[], details = true): TProvisioning {
  const steps = [...rows].sort((a, b) => STEP_NAMES.indexOf(a.step) - STEP_NAMES.indexOf(b.step))
  const mail = rows.find(row => row.step === 'mail')
  const onboarding = rows.find(row => row.step === 'onboarding')
  const sentAt = onboarding?.outputs.sentAt
  return {
    tenantSlug: tenant.slug,
    tenantStatus: tenant.status,
    converged: steps.length === STEP_NAMES.length && steps.every(row => row.status === 'ok' || row.status === 'skipped'),
    steps: steps.map(row => ({
      step: row.step,
      status: row.status,
      attempts: row.attempts,
      lastError: details ? row.lastError : null,
      detail: row.detail,
      nextAttemptAt: iso(row.nextAttemptAt),
      lastStartedAt: iso(row.lastStartedAt),
      lastReconciledAt: iso(row.lastReconciledAt),
      observed: details
        ? row.observed
        : {},
      updatedAt: row.updatedAt.toISOString(),
    })),
    dnsRecords: Array.isArray(mail?.outputs.dnsRecords)
      ? mail.outputs.dnsRecords as TDnsRecord[]
      : [],
    onboardingSentAt: typeof sentAt === 'string'
      ? sentAt
      : null,
  }
}
