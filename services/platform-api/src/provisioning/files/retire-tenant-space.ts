import type { DesiredTenant, StepContext } from '../step'
import type { OcisDriver } from './create-ocis-driver'
import type { TOcisDrive } from './ocis-schemas'
import { readTenantSpace } from './find-tenant-space'
import { isDisabled } from './space-state'

/**
 * Suspension disables the tenant's space (OCIS keeps its data and members; a restore brings both back);
 * offboarding also purges it, which OCIS allows only once the space is disabled. Returns the space as it
 * was found, or undefined when there is none (nothing to do).
 */
export async function retireTenantSpace(driver: OcisDriver, desired: DesiredTenant, ctx: StepContext, options: { purge: boolean }): Promise<TOcisDrive | undefined> {
  const space = await readTenantSpace(driver, desired, ctx.signal)
  if (!space)
    return undefined
  const recordState = (action: string, before: string, after: string | null) => ctx.recordWrite({
    upstream: 'ocis',
    action,
    targetType: 'ocis.space',
    targetId: space.id,
    changes: [
      { field: 'state', before, after },
    ],
  })
  if (!isDisabled(space)) {
    await driver.disableSpace(space.id, ctx.signal)
    await recordState('ocis.space.disable', 'enabled', 'disabled')
  }
  if (options.purge) {
    await driver.purgeSpace(space.id, ctx.signal)
    await recordState('ocis.space.purge', 'disabled', null)
  }
  return space
}
