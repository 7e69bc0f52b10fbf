import type { TOverview, TTenant } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { TENANT_STATUSES } from '@dezky/contracts'
import { sql } from 'drizzle-orm'
import { can } from '../auth/capabilities'
import { forbidden } from '../http/problem'

/** How many of the tenants in error `tenantsInErrorSample` names. */
export const ERROR_SAMPLE_SIZE = 5
/** Days of the tenant creation series, today (UTC) included. */
export const CREATION_SERIES_DAYS = 30

interface OverviewRow {
  as_of: Date
  by_status: Partial<Record<TTenant['status'], number>>
  new_this_week: number
  created_daily: { date: string, count: number }[]
  tenants_in_error: number
  error_sample: string[]
  steps_in_error: number
  users_total: number
  users_active: number
  partners_total: number
}

/**
 * The operator console's counts, in one statement (one round trip, one snapshot): tenants by status, what
 * is failing in provisioning now (deleted tenants' steps rest and are left out), tenants created in the
 * last 7 days and per UTC day over the last 30 (days without any included, for a chart), users, partners.
 * Every count reads indexed or small tables; see get-overview.test.ts for its latency on 1,000 tenants.
 */
export async function getOverview({ db, principal }: { db: Queryable, principal: Principal }): Promise<TOverview> {
  if (!can(principal, 'overview:read'))
    throw forbidden('The overview is for the provider\'s operators.')
  const { rows } = await db.execute<OverviewRow & Record<string, unknown>>(sql`
    with failing as (
      select s.tenant_id, count(*)::int as steps, max(s.updated_at) as last_failed
      from provisioning_steps s join tenants t on t.id = s.tenant_id
      where s.status = 'error' and t.status <> 'deleted'
      group by s.tenant_id
    ),
    today as (select (now() at time zone 'utc')::date as day),
    created as (
      select (t.created_at at time zone 'utc')::date as day, count(*)::int as n
      from tenants t, today
      where t.created_at >= ((today.day - ${CREATION_SERIES_DAYS - 1}::int)::timestamp at time zone 'utc')
      group by 1
    )
    select
      now() as as_of,
      (select coalesce(json_object_agg(status, n), '{}'::json) from (select status, count(*)::int as n from tenants group by status) s) as by_status,
      (select count(*)::int from tenants where created_at > now() - interval '7 days') as new_this_week,
      (select json_agg(json_build_object('date', to_char(d.day, 'YYYY-MM-DD'), 'count', coalesce(created.n, 0)) order by d.day)
        from (select (today.day - offs)::date as day from today, generate_series(0, ${CREATION_SERIES_DAYS - 1}::int) offs) d
        left join created on created.day = d.day) as created_daily,
      (select count(*)::int from failing) as tenants_in_error,
      (select coalesce(json_agg(slug order by last_failed desc, slug), '[]'::json) from (
        select t.slug, f.last_failed from failing f join tenants t on t.id = f.tenant_id order by f.last_failed desc, t.slug limit ${ERROR_SAMPLE_SIZE}
      ) sample) as error_sample,
      (select coalesce(sum(steps), 0)::int from failing) as steps_in_error,
      (select count(*)::int from users) as users_total,
      (select (count(*) filter (where active))::int from users) as users_active,
      (select count(*)::int from partners) as partners_total
  `)
  const row = rows[0]!
  const byStatus = Object.fromEntries(TENANT_STATUSES.map(status => [status, row.by_status[status] ?? 0])) as TOverview['tenants']['byStatus']
  return {
    asOf: new Date(row.as_of).toISOString(),
    tenants: {
      total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
      byStatus,
      newThisWeek: row.new_this_week,
      createdDaily: row.created_daily,
    },
    provisioning: {
      tenantsInError: row.tenants_in_error,
      tenantsInErrorSample: row.error_sample,
      stepsInError: row.steps_in_error,
    },
    users: { total: row.users_total, active: row.users_active },
    partners: { total: row.partners_total },
  }
}
