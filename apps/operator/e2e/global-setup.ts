import { startStack } from '@dezky/e2e-support'
import { SEED_PARTNERS, SEED_TENANTS } from './support/demo'
import { STACK } from './support/stack'

/** The IdP twin and the platform API the console talks to, seeded with tenants under two partners and one direct. */
export default async function globalSetup() {
  const stack = await startStack(STACK, { partners: SEED_PARTNERS, tenants: SEED_TENANTS })
  return stack.stop
}
