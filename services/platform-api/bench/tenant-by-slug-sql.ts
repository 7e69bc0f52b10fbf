/**
 * What getTenant sends (drizzle's `toSQL()` of its prepared lookup, spelled out): the tenant, its partner's
 * slug, and the caller's scope as one fixed-shape clause. Parameters: slug, all, tenant slugs, partner
 * slugs, limit.
 */
export const TENANT_BY_SLUG_IN_SCOPE = `
  select t.id, t.slug, t.name, t.status, t.plan, t.partner_id, t.domains, t.branding, t.upstream_refs,
         t.created_at, t.updated_at, p.slug as partner_slug
  from tenants t
  left join partners p on p.id = t.partner_id
  where (t.slug = $1 and ($2::boolean or t.slug = any($3::text[])
         or t.partner_id in (select id from partners where slug = any($4::text[]))))
  limit $5`

export const TENANT_BY_SLUG_STATEMENT = 'bench_tenant_by_slug_in_scope'
