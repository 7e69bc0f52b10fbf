import type { TMemberProvisioning } from '@dezky/contracts'
import type { Queryable } from '../db/client'
import { sql } from 'drizzle-orm'

/**
 * Whether each listed member's accounts exist upstream yet, in one query for the whole page:
 * - `error`: the identity or mail step is in error (the member's account or mailbox cannot be made)
 * - `ready`: the identity step has seen the member's user, and identity, mail and files have each run
 *   successfully from a state read after the member's last change (`last_reconciled_at` is when the run
 *   read the desired state)
 * - `pending`: otherwise — a run is due or under way
 *
 * @example
 * const states = await findMemberProvisioning(db, tenant.id, page.items.map(item => item.id))
 * states.get(userId) // 'ready'
 */
export async function findMemberProvisioning(db: Queryable, tenantId: string, userIds: string[]): Promise<Map<string, TMemberProvisioning>> {
  if (userIds.length === 0)
    return new Map()
  const { rows } = await db.execute<{ id: string, provisioning: TMemberProvisioning }>(sql`
    with steps as (
      select step, status, last_reconciled_at, observed from provisioning_steps
       where tenant_id = ${tenantId} and step in ('identity', 'mail', 'files'))
    select m.user_id as id, case
      when exists (select 1 from steps where step in ('identity', 'mail') and status = 'error') then 'error'
      when coalesce((select observed -> 'users' from steps where step = 'identity') ? lower(u.email), false)
       and (select count(*) from steps where status in ('ok', 'skipped')
             and last_reconciled_at >= greatest(u.updated_at, m.created_at)) = 3 then 'ready'
      else 'pending' end as provisioning
    from tenant_memberships m join users u on u.id = m.user_id
    where m.tenant_id = ${tenantId} and m.user_id = any(${sql.param(userIds)}::uuid[])`)
  return new Map(rows.map(row => [row.id, row.provisioning]))
}
