import type { Queryable } from '../db/client'
import type { DesiredTenant, StepName, StepStatus } from './step'
import { PLAN_LIMITS } from '@dezky/contracts'
import { and, eq, getTableColumns, sql } from 'drizzle-orm'
import { provisioningSteps, tenantMemberships, tenants, users } from '../db/schema'
import { desiredMode } from './desired-mode'

/**
 * Reads what one step should make true for a tenant: its lifecycle mode, plan quotas, domains and
 * members, plus what the step observed and produced last time. Undefined when the tenant is gone.
 */
export async function loadDesiredTenant(db: Queryable, tenantId: string, step: StepName): Promise<DesiredTenant | undefined> {
  // The database's clock decides the mode, as it decides when the tenant is deleted (settle-tenant-status).
  const [tenant] = await db.select({
    ...getTableColumns(tenants),
    loadedAt: sql<string>`now()`,
  }).from(tenants).where(eq(tenants.id, tenantId))
  if (!tenant)
    return undefined
  const now = new Date(tenant.loadedAt)
  // Another live membership keeps a person's shared identity active whatever happens to this tenant.
  const activeElsewhere = sql<boolean>`exists (
    select 1 from ${tenantMemberships} other
    join ${tenants} other_tenant on other_tenant.id = other.tenant_id
    where other.user_id = ${users.id} and other.tenant_id <> ${tenantId} and other.active
      and other_tenant.status in ('provisioning', 'active'))`
  const [members, steps] = await Promise.all([
    db.select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: tenantMemberships.role,
      active: sql<boolean>`${tenantMemberships.active} and ${users.active}`,
      activeElsewhere: sql<boolean>`${users.active} and ${activeElsewhere}`,
    }).from(tenantMemberships).innerJoin(users, eq(users.id, tenantMemberships.userId)).where(eq(tenantMemberships.tenantId, tenantId)).orderBy(users.email),
    db.select({
      step: provisioningSteps.step,
      status: provisioningSteps.status,
      observed: provisioningSteps.observed,
      outputs: provisioningSteps.outputs,
    }).from(provisioningSteps).where(and(eq(provisioningSteps.tenantId, tenantId))),
  ])
  const own = steps.find(row => row.step === step)
  const limits = PLAN_LIMITS[tenant.plan]
  return {
    id: tenant.id,
    slug: tenant.slug,
    name: tenant.name,
    mode: desiredMode(tenant.status, tenant.offboardAfter, now),
    plan: tenant.plan,
    quotas: { mailboxBytes: limits.mailboxBytes, storageBytes: limits.storageBytes },
    domains: tenant.domains.map(domain => domain.toLowerCase()),
    members: members.map(member => ({
      ...member,
      email: member.email.toLowerCase(),
    })),
    observed: own?.observed ?? {},
    outputs: own?.outputs ?? {},
    offboardAfter: tenant.status === 'offboarding'
      ? tenant.offboardAfter
      : null,
    loadedAt: now,
    otherSteps: Object.fromEntries(steps.filter(row => row.step !== step).map(row => [row.step, row.status])) as Partial<Record<StepName, StepStatus>>,
  }
}
