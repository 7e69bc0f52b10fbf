import { startStack } from '@dezky/e2e-support'
import { SEED_PARTNER, SEED_TENANT } from './support/demo'
import { STACK } from './support/stack'

/** The IdP twin and the platform API the portal talks to, seeded with a partner and the demo owner's tenant. */
export default async function globalSetup() {
  const stack = await startStack(STACK, {
    partners: [SEED_PARTNER],
    tenants: [SEED_TENANT],
  })
  return stack.stop
}
