import type { TMemberProvisioning } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { sql } from 'drizzle-orm'

/** Audited changes that the reconciler must carry upstream for a member (a password reset is not one). */
const MEMBER_CHANGES = ['member.add', 'member.update', 'member.sync']

/**
 * Whether each listed member's accounts exist upstream yet, in one query for the whole page:
 * - `error`: the identity or mail step is in error (the member's account or mailbox cannot be made)
 * - `ready`: the identity step has seen the member's user, and identity, mail and files have each run
 *   successfully from a state read after the member's last change — a run due for someone else's change
 *   leaves this member ready
 * - `pending`: otherwise
 *
 * `last_reconciled_at` is when the last successful run read the desired state. The member's last change
 * is the newest of their membership's creation, their user row's update and their audited member
 * changes (role and enable/disable live on the membership, which keeps no timestamp of its own); the
 * audit is only searched after the oldest of those runs, a short range of its `at` index.
 *
 * @example
 * const states = await findMemberProvisioning(db, tenant, page.items.map(item => item.id))
 * states.get(userId) // 'ready'
 */
export async function findMemberProvisioning(db: Queryable, tenant: { id: string, slug: string }, userIds: string[]): Promise<Map<string, TMemberProvisioning>> {
  if (userIds.length === 0)
    return new Map()
  const { rows } = await db.execute<{ id: string, provisioning: TMemberProvisioning }>(sql`
    with steps as (
      select step, status, last_reconciled_at, observed from provisioning_steps
       where tenant_id = ${tenant.id} and step in ('identity', 'mail', 'files')),
    done as (
      select case when count(last_reconciled_at) = 3 then min(last_reconciled_at) end as at from steps)
    select m.user_id as id, case
      when exists (select 1 from steps where step in ('identity', 'mail') and status = 'error') then 'error'
      when coalesce((select observed -> 'users' from steps where step = 'identity') ? lower(u.email), false)
       and (select at from done) >= greatest(u.updated_at, m.created_at)
       and not exists (select 1 from audit_log a
             where a.at > (select at from done) and a.tenant_slug = ${tenant.slug} and a.target_type = 'user'
               and a.target_id = m.user_id::text and a.action = any(${sql.param(MEMBER_CHANGES)}::text[])) then 'ready'
      else 'pending' end as provisioning
    from tenant_memberships m join users u on u.id = m.user_id
    where m.tenant_id = ${tenant.id} and m.user_id = any(${sql.param(userIds)}::uuid[])`)
  return new Map(rows.map(row => [row.id, row.provisioning]))
}
