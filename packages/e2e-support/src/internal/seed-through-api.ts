import type { ZCreatePartner } from '@dezky/contracts'
import type { Idp } from '@dezky/twins'
import type { z } from 'zod'
import { ZCreateTenant } from '@dezky/contracts'
import { demoAdminToken, seedDemoData } from '@dezky/devstack'

/** A POST /partners body, defaults left out. */
export type SeedPartner = z.input<typeof ZCreatePartner>
/** A POST /tenants body, defaults left out. */
export type SeedTenant = z.input<typeof ZCreateTenant>

export interface Seed {
  partners?: readonly SeedPartner[]
  /** Created after the partners, so `partnerSlug` may name one of them. */
  tenants?: readonly SeedTenant[]
}

/**
 * Creates the rows through the API's own routes with a super admin's token, the way the dev stack seeds
 * its demo data: partners, tenants, and each tenant's demo members (whom the IdP twin's groups name), so
 * the reconciler keeps those people in their tenant's Authentik groups instead of removing them.
 */
export async function seedThroughApi(idp: Idp, apiUrl: string, seed: Seed) {
  await seedDemoData({
    apiUrl,
    token: await demoAdminToken(idp),
    partners: (seed.partners ?? []).map(partner => ({ branding: {}, ...partner })),
    tenants: (seed.tenants ?? []).map(tenant => ZCreateTenant.parse(tenant)),
  })
}
