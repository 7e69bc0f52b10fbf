import type { TOffboardTenant, TTenant } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { changeTenantStatus } from './change-tenant-status'

export interface OffboardTenantOptions {
  db: Queryable
  principal: Principal
  slug: string
  input: TOffboardTenant
  audit: (entry: AuditInput) => Promise<void>
}

const DAY_MS = 86_400_000

/**
 * Starts removing a tenant: suspended at once, then after `graceDays` the reconciler removes its file
 * space, mail accounts and domains, and identity groups and users (in that order), and the tenant
 * becomes `deleted`. Until the grace period ends, `resumeTenant` cancels it with nothing lost.
 */
export function offboardTenant({ db, principal, slug, input, audit }: OffboardTenantOptions): Promise<TTenant> {
  return changeTenantStatus({
    db,
    principal,
    slug,
    capability: 'tenant:offboard',
    action: 'tenant.offboard',
    refuse: current => ['provisioning', 'active', 'suspended'].includes(current.status)
      ? undefined
      : `Tenant "${slug}" is already ${current.status}.`,
    next: {
      status: 'offboarding',
      statusReason: input.reason,
      offboardAfter: new Date(Date.now() + input.graceDays * DAY_MS),
    },
    audit,
  })
}
