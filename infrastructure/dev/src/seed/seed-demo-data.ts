import type { TCreateTenant } from '@dezky/contracts'
import type { DemoPartner, IdpUser } from '@dezky/twins'
import type { SeedOutcome } from './post-idempotent'
import { DEMO_PARTNERS, DEMO_TENANTS, DEMO_USERS } from '@dezky/twins'
import { demoMembers } from './demo-members'
import { postIdempotent } from './post-idempotent'

export interface SeedDemoDataOptions {
  /** Base URL of the platform API, e.g. `http://127.0.0.1:4000`. */
  apiUrl: string
  /** A bearer token allowed to create partners and tenants (see `demoAdminToken`). */
  token: string
  partners?: readonly DemoPartner[]
  tenants?: readonly TCreateTenant[]
  users?: readonly IdpUser[]
}

export interface SeedReport {
  /** Labels such as `tenant acme` or `member renata.campos@acme.test in acme`. */
  created: string[]
  existing: string[]
}

/**
 * Puts the demo partners, tenants and tenant members in place through the public API, so the data
 * passes the same validation, authorisation and audit trail as an operator's. Safe to run on every
 * start: whatever exists already is left as it is.
 *
 * @example
 * const report = await seedDemoData({ apiUrl: api.url, token: await demoAdminToken(idp) })
 * console.log(`${report.created.length} created, ${report.existing.length} already there`)
 */
export async function seedDemoData(options: SeedDemoDataOptions): Promise<SeedReport> {
  const { apiUrl, token, partners = DEMO_PARTNERS, tenants = DEMO_TENANTS, users = DEMO_USERS } = options
  const report: SeedReport = { created: [], existing: [] }
  const post = async (label: string, path: string, body: unknown) => {
    const outcome: SeedOutcome = await postIdempotent({ apiUrl, token, path, body })
    report[outcome].push(label)
  }

  // Sequential on purpose: tenants name their partner and members need their tenant.
  for (const partner of partners)
    await post(`partner ${partner.slug}`, '/partners', partner)
  for (const tenant of tenants)
    await post(`tenant ${tenant.slug}`, '/tenants', tenant)
  // Members of a tenant left out of `tenants` are skipped rather than answered with a 404.
  const seededTenants = new Set(tenants.map(tenant => tenant.slug))
  for (const member of demoMembers(users).filter(m => seededTenants.has(m.tenantSlug))) {
    const { tenantSlug, ...body } = member
    await post(`member ${member.email} in ${tenantSlug}`, `/tenants/${tenantSlug}/members`, body)
  }
  return report
}
