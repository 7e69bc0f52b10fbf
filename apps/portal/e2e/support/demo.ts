import type { SeedPartner, SeedTenant } from '@dezky/e2e-support'
import { demoUserInGroup } from '@dezky/e2e-support'

/** Signs in through the IdP form in the test. */
export const TENANT_OWNER = demoUserInGroup('tenant:acme:owner')

export const SEED_PARTNER = { slug: 'nimbus', name: 'Nimbus Cloud Parceiros' } satisfies SeedPartner
export const SEED_TENANT = {
  slug: 'acme',
  name: 'Acme Contabilidade',
  plan: 'business',
  partnerSlug: 'nimbus',
  domains: ['acme.test'],
} satisfies SeedTenant
