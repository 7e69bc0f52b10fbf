import type { FullConfig } from '@playwright/test'
import { dirname } from 'node:path'
import { startStack } from '@dezky/e2e-support'
import { SEED_PARTNERS, SEED_TENANTS } from './support/demo'
import { STACK } from './support/stack'

/**
 * The whole product the console talks to (upstream twins, platform API with its reconciler), seeded with
 * tenants under two partners and one sold directly, and the built console itself.
 */
export default async function globalSetup(config: FullConfig) {
  const stack = await startStack(STACK, { partners: SEED_PARTNERS, tenants: SEED_TENANTS }, {
    appDir: dirname(config.configFile!),
  })
  return stack.stop
}
