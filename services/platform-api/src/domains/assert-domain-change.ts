import type { TPlan } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { PLAN_LIMITS } from '@dezky/contracts'
import { and, eq, sql } from 'drizzle-orm'
import { tenantMemberships, users } from '../db/schema'
import { Problem } from '../http/problem'
import { assertDomainsFree } from '../tenants/assert-domains-free'

export interface DomainChange {
  /** Absent while the tenant is being created. */
  tenantId?: string
  /** The plan the tenant has after the change. */
  plan: TPlan
  current: readonly string[]
  next: readonly string[]
  /** Where the problem points: `body.name` (one domain), `body.domains` (the list), `params.domain`. */
  path: string
}

/**
 * The rules every change of a tenant's domains follows, whichever route makes it (the domain routes,
 * PATCH or POST /tenants):
 * - adding a domain past the plan's `maxDomains` is refused (422); dropping domains never is, so a tenant
 *   over its limit (after a plan change) can still clean up
 * - removing a domain that carries members' addresses is refused (409): the mail step gives each of them
 *   a mailbox there, and removing the domain deletes those mailboxes with it
 * - an added domain must not belong to (or still be held in the mail server by) another tenant (409)
 *
 * @example
 * await assertDomainChange(tx, { tenantId: tenant.id, plan: tenant.plan, current: tenant.domains, next: [...tenant.domains, 'acme.com'], path: 'body.name' })
 */
export async function assertDomainChange(db: Queryable, { tenantId, plan, current, next, path }: DomainChange): Promise<void> {
  const added = next.filter(domain => !current.includes(domain))
  const removed = current.filter(domain => !next.includes(domain))
  const { maxDomains } = PLAN_LIMITS[plan]
  if (added.length && next.length > maxDomains) {
    throw new Problem(422, 'Domain limit reached', {
      detail: `The ${plan} plan allows ${maxDomains} domains; remove one or change the plan.`,
      errors: [
        { path, message: `at most ${maxDomains} domains` },
      ],
    })
  }
  if (removed.length && tenantId)
    await assertNoMailboxes(db, tenantId, removed, path)
  await assertDomainsFree(db, added, tenantId, path)
}

async function assertNoMailboxes(db: Queryable, tenantId: string, domains: readonly string[], path: string): Promise<void> {
  const holders = await db.select({ email: users.email }).from(tenantMemberships).innerJoin(users, eq(users.id, tenantMemberships.userId)).where(and(
    eq(tenantMemberships.tenantId, tenantId),
    sql`lower(split_part(${users.email}, '@', 2)) = any(${sql.param([...domains])}::text[])`,
  )).orderBy(users.email).limit(3)
  if (!holders.length)
    return
  const names = `${holders.map(holder => holder.email).join(', ')}${holders.length === 3
    ? ', …'
    : ''}`
  throw new Problem(409, 'Domain has mailboxes', {
    detail: `Members have mailboxes on ${domains.join(', ')} (${names}); change their addresses or remove them first.`,
    errors: [
      { path, message: `members have mailboxes there: ${names}` },
    ],
  })
}
