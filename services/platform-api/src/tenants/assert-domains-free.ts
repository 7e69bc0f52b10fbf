import type { Queryable } from '../db/client'
import { and, ne, sql } from 'drizzle-orm'
import { provisioningSteps, tenants } from '../db/schema'
import { Problem } from '../http/problem'

/**
 * A domain belongs to one tenant: mail routing and provisioning key on it, so a second tenant claiming
 * it could receive the first one's mail. (Verification by DNS record comes with the domains feature.)
 * `path` is where the 409's errors point (`body.name` when one domain is added).
 */
export async function assertDomainsFree(db: Queryable, domains: readonly string[], exceptTenantId?: string, path = 'body.domains'): Promise<void> {
  if (!domains.length)
    return
  const taken = await db.select({ domains: tenants.domains }).from(tenants).where(and(
    sql`${tenants.domains} && ${sql.param([...domains])}::text[]`,
    exceptTenantId
      ? ne(tenants.id, exceptTenantId)
      : undefined,
  ))
  // A domain another tenant dropped stays taken until its mail step has removed it from the mail server:
  // claiming it earlier would let that removal delete the new owner's mailboxes.
  const { rows: held } = await db.execute<{ domain: string }>(sql`
    select jsonb_object_keys(s.observed->'domains') as domain from ${provisioningSteps} s
     where s.step = 'mail' and jsonb_typeof(s.observed->'domains') = 'object'
       and s.observed->'domains' ?| ${sql.param([...domains])}::text[]
       ${exceptTenantId
          ? sql`and s.tenant_id <> ${exceptTenantId}`
          : sql``}`)
  const clashes = domains.filter(domain => taken.some(row => row.domains.includes(domain)) || held.some(row => row.domain === domain))
  if (clashes.length) {
    throw new Problem(409, 'Domain in use', {
      detail: `Already used by another tenant: ${clashes.join(', ')}.`,
      errors: clashes.map(domain => ({ path, message: `${domain} is in use` })),
    })
  }
}
