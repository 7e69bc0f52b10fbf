import type { ProvisioningStep } from '../step'
import type { OcisDriver } from './create-ocis-driver'
import { ensureTenantSpace } from './ensure-tenant-space'
import { retireTenantSpace } from './retire-tenant-space'
import { spaceUsage } from './space-usage'
import { syncSpaceMembers } from './sync-space-members'

/**
 * The files step: one OCIS project space per tenant with the plan's quota and the active members as
 * space members (owner/admin → Manager, member → Editor, billing → Viewer).
 * - present: ensured, restored if disabled, members made exact
 * - suspended: disabled, data and members kept
 * - absent: disabled, then purged
 *
 * `observed` is `{ spaceId, users: { [email]: id }, selfId? }` — `selfId` is the driver's own OCIS user,
 * remembered so that telling its creator grant apart costs no read. `outputs` is the space's quota and
 * web address as read by this run ({@link spaceUsage}), kept as they were while the tenant is suspended.
 */
export function createFilesStep(driver: OcisDriver): ProvisioningStep {
  return {
    name: 'files',
    async run(desired, ctx) {
      if (desired.mode !== 'present') {
        const space = await retireTenantSpace(driver, desired, ctx, { purge: desired.mode === 'absent' })
        if (desired.mode === 'absent')
          return { status: 'ok', observed: {}, outputs: {} }
        return {
          status: 'ok',
          observed: space
            ? { ...desired.observed, spaceId: space.id }
            : {},
        }
      }
      const { drive, creatorId } = await ensureTenantSpace(driver, desired, ctx)
      const observedSelf = typeof desired.observed.selfId === 'string'
        ? desired.observed.selfId
        : undefined
      const { users, selfId } = await syncSpaceMembers(driver, drive, desired, ctx, { selfId: creatorId ?? observedSelf })
      return {
        status: 'ok',
        observed: {
          spaceId: drive.id,
          users,
          ...(selfId
            ? { selfId }
            : {}),
        },
        outputs: {
          ...spaceUsage(drive),
        },
      }
    },
  }
}
