import type { TTenantUsage } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { PLAN_LIMITS } from '@dezky/contracts'
import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { getTenant } from './get-tenant'

/** The files step's outputs (see provisioning/files/space-usage.ts), read leniently: absent until it ran. */
const ZFilesOutputs = z.object({
  quota: z.object({
    used: z.number().int().nullable().catch(null),
    total: z.number().int().nullable().catch(null),
  }),
  measuredAt: z.iso.datetime({ offset: true }),
})

/**
 * A tenant's plan, its limits and what it uses: people from the memberships, mailboxes from the mail
 * step's recorded accounts, storage from what the files step read of the space on its last run. One
 * query after the tenant lookup; nothing is asked of the upstreams.
 */
export async function getTenantUsage({ db, principal, slug }: { db: Queryable, principal: Principal, slug: string }): Promise<TTenantUsage> {
  const tenant = await getTenant({ db, principal, slug })
  const { rows } = await db.execute<{ total: number, active: number, mailboxes: number, files: unknown }>(sql`
    select
      (select count(*)::int from tenant_memberships m where m.tenant_id = ${tenant.id}) as total,
      (select count(*)::int from tenant_memberships m join users u on u.id = m.user_id
        where m.tenant_id = ${tenant.id} and m.active and u.active) as active,
      (select case when jsonb_typeof(s.observed -> 'accounts') = 'object'
                   then (select count(*)::int from jsonb_object_keys(s.observed -> 'accounts')) else 0 end
         from provisioning_steps s where s.tenant_id = ${tenant.id} and s.step = 'mail') as mailboxes,
      (select s.outputs from provisioning_steps s where s.tenant_id = ${tenant.id} and s.step = 'files') as files`)
  const row = rows[0]!
  const limits = PLAN_LIMITS[tenant.plan]
  const files = ZFilesOutputs.safeParse(row.files)
  return {
    plan: tenant.plan,
    limits: { ...limits },
    users: { active: row.active, total: row.total },
    mailboxes: row.mailboxes ?? 0,
    storage: {
      usedBytes: files.success
        ? files.data.quota.used
        : null,
      totalBytes: (files.success
        ? files.data.quota.total
        : null) ?? limits.storageBytes,
      measuredAt: files.success
        ? new Date(files.data.measuredAt).toISOString()
        : null,
    },
  }
}
