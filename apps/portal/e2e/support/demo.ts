import type { SeedPartner, SeedTenant } from '@dezky/e2e-support'
import { demoUserInGroup } from '@dezky/e2e-support'

/** Signs in through the IdP form in the test. */
export const TENANT_OWNER = demoUserInGroup('tenant:acme:owner')
/** Owner of another tenant of the same partner: must never see acme. */
export const OTHER_TENANT_OWNER = demoUserInGroup('tenant:globex:owner')
export const PARTNER_ADMIN = demoUserInGroup('partner:nimbus:partner_admin')

export const SEED_PARTNER = { slug: 'nimbus', name: 'Nimbus Cloud Parceiros' } satisfies SeedPartner
export const SEED_TENANT = {
  slug: 'acme',
  name: 'Acme Contabilidade',
  plan: 'business',
  partnerSlug: 'nimbus',
  domains: ['acme.test'],
} satisfies SeedTenant
export const OTHER_TENANT = {
  slug: 'globex',
  name: 'Globex Engenharia',
  plan: 'starter',
  partnerSlug: 'nimbus',
  domains: ['globex.test'],
} satisfies SeedTenant
/** Sold directly, not through nimbus: its partner admin must not see it either. */
export const DIRECT_TENANT = {
  slug: 'initech',
  name: 'Initech Direct',
  plan: 'starter',
  partnerSlug: null,
  domains: ['initech.test'],
} satisfies SeedTenant
export const SEED_TENANTS = [SEED_TENANT, OTHER_TENANT, DIRECT_TENANT]
