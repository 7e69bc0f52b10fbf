/**
 * What getTenant sends for the owner of `acme` (drizzle's `toSQL()` of it, spelled out): the tenant, its
 * partner's slug, and the caller's scope as a second condition on the slug. Parameters: slug, slug, 1.
 */
export const TENANT_BY_SLUG_IN_SCOPE = `
  select t.id, t.slug, t.name, t.status, t.plan, t.partner_id, t.domains, t.branding, t.upstream_refs,
         t.created_at, t.updated_at, p.slug as partner_slug
  from tenants t
  left join partners p on p.id = t.partner_id
  where (t.slug = $1 and t.slug in ($2))
  limit $3`

export const TENANT_BY_SLUG_STATEMENT = 'bench_tenant_by_slug_in_scope'
