import { OTHER_TENANT, SEED_PARTNER, SEED_TENANT } from './demo'

const tenant = `/t/${SEED_TENANT.slug}`
const partner = `/p/${SEED_PARTNER.slug}`

/** Every page a tenant owner reaches, for the accessibility and token-leak crawls. */
export const TENANT_OWNER_PAGES = [
  tenant,
  `${tenant}/users`,
  `${tenant}/domains`,
  `${tenant}/services`,
  `${tenant}/branding`,
  '/account',
]

/** Every page of the partner area, and a customer's pages the partner opens. */
export const PARTNER_ADMIN_PAGES = [
  partner,
  `${partner}/customers/new`,
  `${partner}/branding`,
  `/t/${OTHER_TENANT.slug}`,
  `/t/${OTHER_TENANT.slug}/users`,
  '/account',
]
