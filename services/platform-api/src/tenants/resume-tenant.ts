import type { TResumeTenant, TTenant } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { changeTenantStatus } from './change-tenant-status'

export interface ResumeTenantOptions {
  db: Queryable
  principal: Principal
  slug: string
  input: TResumeTenant
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Brings a suspended tenant back, or cancels an offboarding still in its grace period. The tenant goes
 * through `provisioning` and turns `active` when the reconciler has re-enabled everything.
 */
export function resumeTenant({ db, principal, slug, input, audit }: ResumeTenantOptions): Promise<TTenant> {
  return changeTenantStatus({
    db,
    principal,
    slug,
    capability: 'tenant:suspend',
    action: 'tenant.resume',
    refuse: (current, now) => {
      if (current.status === 'suspended')
        return undefined
      if (current.status === 'offboarding') {
        return current.offboardAfter && current.offboardAfter > now
          ? undefined
          : `Tenant "${slug}" is past its offboarding grace period; it cannot be resumed.`
      }
      return `Tenant "${slug}" is ${current.status}; only a suspended or offboarding tenant can be resumed.`
    },
    next: { status: 'provisioning', statusReason: input.reason ?? null, offboardAfter: null },
    audit,
  })
}
