import type { DesiredTenant, StepContext } from '../step'
import type { OcisDriver } from './create-ocis-driver'
import type { TOcisDrive } from './ocis-schemas'
import { readTenantSpace } from './find-tenant-space'
import { spaceMarkerFor, spaceNameFor } from './space-naming'
import { isDisabled, spaceGrantsOf } from './space-state'

export interface EnsuredSpace {
  drive: TOcisDrive
  /** Who OCIS made manager when we created the space: the driver's own identity. */
  creatorId?: string
}

/**
 * The tenant's project space exists, is enabled, carries our marker and the plan's quota. Reads one
 * filtered list; writes only what differs (create, or one PATCH that restores and fixes quota and
 * description together).
 */
export async function ensureTenantSpace(driver: OcisDriver, desired: DesiredTenant, ctx: StepContext): Promise<EnsuredSpace> {
  const found = await readTenantSpace(driver, desired, ctx.signal)
  const marker = spaceMarkerFor(desired.slug)
  const quotaTotal = desired.quotas.storageBytes
  if (!found) {
    const name = spaceNameFor(desired.slug)
    const drive = await driver.createSpace({ name, description: marker, quotaTotal }, ctx.signal)
    await ctx.recordWrite({
      upstream: 'ocis',
      action: 'ocis.space.create',
      targetType: 'ocis.space',
      targetId: drive.id,
      changes: [
        { field: 'name', before: null, after: name },
        { field: 'description', before: null, after: marker },
        { field: 'quota.total', before: null, after: quotaTotal },
      ],
    })
    return { drive, creatorId: [
      ...spaceGrantsOf(drive).keys(),
    ][0] }
  }
  const restore = isDisabled(found)
  const changes: { quotaTotal?: number, description?: string } = {}
  if (found.quota?.total !== quotaTotal)
    changes.quotaTotal = quotaTotal
  if (found.description !== marker)
    changes.description = marker
  if (!restore && Object.keys(changes).length === 0)
    return { drive: found }
  const drive = await driver.updateSpace(found.id, changes, { restore, signal: ctx.signal })
  await ctx.recordWrite({
    upstream: 'ocis',
    action: restore
      ? 'ocis.space.restore'
      : 'ocis.space.update',
    targetType: 'ocis.space',
    targetId: found.id,
    changes: [
      ...(restore
        ? [
            { field: 'state', before: 'disabled', after: 'enabled' },
          ]
        : []),
      ...(changes.quotaTotal === undefined
        ? []
        : [
            { field: 'quota.total', before: found.quota?.total ?? null, after: quotaTotal },
          ]),
      ...(changes.description === undefined
        ? []
        : [
            { field: 'description', before: found.description ?? null, after: marker },
          ]),
    ],
  })
  // The PATCH answer is v1.0-shaped; its grants are the same as the listed ones.
  return {
    drive: {
      ...drive,
      root: { ...drive.root, permissions: found.root?.permissions },
    },
  }
}
