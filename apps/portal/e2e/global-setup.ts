import type { FullConfig } from '@playwright/test'
import { dirname } from 'node:path'
import { startStack } from '@dezky/e2e-support'
import { SEED_PARTNER, SEED_TENANTS } from './support/demo'
import { STACK } from './support/stack'

/**
 * The whole product the portal talks to (upstream twins, platform API with its reconciler), seeded with a
 * partner, two of its customers and a tenant sold directly, and the built portal itself.
 */
export default async function globalSetup(config: FullConfig) {
  const stack = await startStack(STACK, {
    partners: [SEED_PARTNER],
    tenants: SEED_TENANTS,
  }, {
    appDir: dirname(config.configFile!),
  })
  return stack.stop
}
