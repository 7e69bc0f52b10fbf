import type { TCreateTenant, TTenant } from '@dezky/contracts'
import { DEMO_TENANTS } from '@dezky/twins'

export interface ReprovisionDemoTenantsOptions {
  apiUrl: string
  /** A bearer token holding `tenant:reconcile` on the tenants (see `demoAdminToken`). */
  token: string
  /** The tenants to reconcile; those the seed has just created are due already and can be left out. */
  slugs: readonly string[]
  tenants?: readonly TCreateTenant[]
}

export interface ReprovisionReport {
  reconciled: string[]
  /** Tenants whose domains are not the demo's any more, e.g. from a data dir made before a change. */
  stale: { slug: string, domains: string[], expected: string[] }[]
}

async function call<T>(apiUrl: string, token: string, method: 'GET' | 'POST', path: string): Promise<T> {
  const response = await fetch(new URL(path, `${apiUrl}/`), {
    method,
    headers: { authorization: `Bearer ${token}` },
  })
  if (!response.ok)
    throw new Error(`${method} ${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`)
  return await response.json() as T
}

/**
 * Makes every step of the named demo tenants due now. The twins keep their state in memory and start
 * empty on every run, while the database still remembers last run's tenants as provisioned: without
 * this, they would reach the new twins only at the next resync (RECONCILER_RESYNC_SECONDS).
 *
 * @example
 * const { stale } = await reprovisionDemoTenants({ apiUrl, token, slugs: ['acme', 'globex'] })
 */
export async function reprovisionDemoTenants(options: ReprovisionDemoTenantsOptions): Promise<ReprovisionReport> {
  const { apiUrl, token, slugs, tenants = DEMO_TENANTS } = options
  const report: ReprovisionReport = { reconciled: [], stale: [] }
  for (const slug of slugs) {
    const tenant = await call<TTenant>(apiUrl, token, 'GET', `/tenants/${slug}`)
    const expected = tenants.find(t => t.slug === slug)?.domains ?? []
    if ([...tenant.domains].sort().join() !== [...expected].sort().join()) {
      report.stale.push({
        slug,
        domains: tenant.domains,
        expected: [...expected],
      })
    }
    await call(apiUrl, token, 'POST', `/tenants/${slug}/reconcile`)
    report.reconciled.push(slug)
  }
  return report
}
