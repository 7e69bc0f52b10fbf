import { DEMO_USERS } from '@dezky/twins'

function demoUser(group: string) {
  const user = DEMO_USERS.find(candidate => candidate.groups.includes(group))
  if (!user)
    throw new Error(`the IdP twin has no demo user in ${group}`)
  return user
}

/** Signs in through the IdP form in the test. */
export const TENANT_OWNER = demoUser('tenant:acme:owner')
/** Seeds through the API, as an operator would. */
export const OPERATOR = demoUser('operator:super_admin')

export const SEED_PARTNER = { slug: 'nimbus', name: 'Nimbus Cloud Parceiros' }
export const SEED_TENANT = {
  slug: 'acme',
  name: 'Acme Contabilidade',
  plan: 'business',
  partnerSlug: 'nimbus',
  domains: ['acme.example'],
} as const
