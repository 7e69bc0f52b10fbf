import type { TSuspendTenant, TTenant } from '@dezky/contracts'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { changeTenantStatus } from './change-tenant-status'

export interface SuspendTenantOptions {
  db: Queryable
  principal: Principal
  slug: string
  input: TSuspendTenant
  audit: (entry: AuditInput) => Promise<void>
}

/**
 * Stops a tenant without losing anything: its people cannot sign in, mail accounts cannot log in or
 * send, the file space is disabled. `resumeTenant` undoes it.
 */
export function suspendTenant({ db, principal, slug, input, audit }: SuspendTenantOptions): Promise<TTenant> {
  return changeTenantStatus({
    db,
    principal,
    slug,
    capability: 'tenant:suspend',
    action: 'tenant.suspend',
    refuse: current => ['provisioning', 'active'].includes(current.status)
      ? undefined
      : `Tenant "${slug}" is ${current.status}; only a provisioning or active tenant can be suspended.`,
    next: { status: 'suspended', statusReason: input.reason, offboardAfter: null },
    audit,
  })
}
