import type { TCreateTenant } from '@dezky/contracts'
import type { DemoPartner, IdpUser } from '@dezky/twins'
import type { DemoFlag } from './demo-flags'
import type { SeedOutcome } from './post-idempotent'
import { DEMO_PARTNERS, DEMO_TENANTS, DEMO_USERS } from '@dezky/twins'
import { DEMO_FLAGS } from './demo-flags'
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
  flags?: readonly DemoFlag[]
}

export interface SeedReport {
  /** Labels such as `tenant acme` or `member renata.campos@acme.test in acme`. */
  created: string[]
  existing: string[]
}

/**
 * Puts the demo partners, tenants, tenant members and feature flags in place through the public API, so the data
 * passes the same validation, authorisation and audit trail as an operator's. Safe to run on every
 * start: whatever exists already is left as it is.
 *
 * @example
 * const report = await seedDemoData({ apiUrl: api.url, token: await demoAdminToken(idp) })
 * console.log(`${report.created.length} created, ${report.existing.length} already there`)
 */
export async function seedDemoData(options: SeedDemoDataOptions): Promise<SeedReport> {
  const { apiUrl, token, partners = DEMO_PARTNERS, tenants = DEMO_TENANTS, users = DEMO_USERS, flags = DEMO_FLAGS } = options
  const report: SeedReport = { created: [], existing: [] }
  const send = async (method: string, path: string, body: unknown) => {
    const response = await fetch(new URL(path, `${apiUrl}/`), {
      method,
      headers: { 'authorization': `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`)
    await response.body?.cancel()
  }
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
  // A flag's rules, overrides and kill switch are set only when this run created it, so what operators
  // changed since survives a restart.
  for (const flag of flags) {
    const { rules, overrides = [], killReason, ...definition } = flag
    const label = `flag ${flag.key}`
    await post(label, '/flags', definition)
    if (report.created.at(-1) !== label)
      continue
    for (const [environment, rule] of Object.entries(rules))
      await send('PUT', `/flags/${flag.key}/environments/${environment}`, rule)
    for (const { environment, scope, scopeId, value, note } of overrides)
      await send('PUT', `/flags/${flag.key}/overrides/${environment}/${scope}/${scopeId}`, { value, note })
    if (killReason)
      await send('POST', `/flags/${flag.key}/kill`, { reason: killReason })
  }
  return report
}
