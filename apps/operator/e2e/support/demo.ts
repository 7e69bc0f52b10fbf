import type { SeedPartner, SeedTenant } from '@dezky/e2e-support'
import { demoUserInGroup, demoUserWithEmail } from '@dezky/e2e-support'

/** Signs in with MFA in `amr`, so the API grants the operator role. */
export const SUPER_ADMIN = demoUserInGroup('operator:super_admin')
/** An operator technician whose sign-in had no second factor: the API must withhold the role. */
export const OPERATOR_WITHOUT_MFA = demoUserWithEmail('sem.mfa@dezky.dev')
/** Read-only everywhere: the console shows no mutating control and the API refuses any change. */
export const NOC = demoUserInGroup('operator:noc')
/** A customer's owner with no operator role at all: the console is not for them. */
export const TENANT_OWNER = demoUserInGroup('tenant:acme:owner')

export const SEED_PARTNERS = [
  { slug: 'nimbus', name: 'Nimbus Cloud Parceiros' },
  { slug: 'aurora', name: 'Aurora TI Revenda' },
] satisfies SeedPartner[]
/** One tenant per partner and one sold directly: operators see all of them, no membership needed. */
export const SEED_TENANTS = [
  {
    slug: 'acme',
    name: 'Acme Contabilidade',
    plan: 'business',
    partnerSlug: 'nimbus',
    domains: ['acme.test'],
  },
  {
    slug: 'boreal',
    name: 'Boreal Logística',
    plan: 'starter',
    partnerSlug: 'aurora',
    domains: ['boreal.example'],
  },
  {
    slug: 'initech',
    name: 'Initech Direct',
    plan: 'starter',
    partnerSlug: null,
    domains: ['initech.test'],
  },
] satisfies SeedTenant[]
