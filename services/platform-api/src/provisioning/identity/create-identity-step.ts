import type { ProvisioningStep } from '../step'
import type { AuthentikDriver } from './authentik-driver'
import { provisionTenantIdentity } from './provision-tenant-identity'
import { removeTenantIdentity } from './remove-tenant-identity'

/**
 * The `identity` step: the tenant's role groups and member users in Authentik, so the `groups` claim of
 * the tokens Authentik issues carries `tenant:<slug>:<role>` for exactly the tenant's active members.
 *
 * @example
 * const step = createIdentityStep(createAuthentikDriver({ baseUrl, apiToken, timeoutMs: 10_000 }))
 * const outcome = await step.run(desired, ctx)
 */
export function createIdentityStep(driver: AuthentikDriver): ProvisioningStep {
  return {
    name: 'identity',
    run: (desired, ctx) => desired.mode === 'absent'
      ? removeTenantIdentity(driver, desired, ctx)
      : provisionTenantIdentity(driver, desired, ctx),
  }
}
