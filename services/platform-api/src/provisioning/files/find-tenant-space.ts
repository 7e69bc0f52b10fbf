import type { DesiredTenant } from '../step'
import type { OcisDriver } from './create-ocis-driver'
import type { TOcisDrive } from './ocis-schemas'
import { spaceMarkerFor } from './space-naming'

/**
 * The tenant's space among the listed project spaces: the observed id first (survives renames), then
 * our description marker (a space we created before we recorded its id). Never by name: OCIS allows
 * several spaces of one name, and one made by someone else must not be adopted — let alone disabled or
 * purged when the tenant leaves. A foreign space of the tenant's name simply stays beside ours.
 */
export function findTenantSpace(spaces: readonly TOcisDrive[], desired: Pick<DesiredTenant, 'slug' | 'observed'>): TOcisDrive | undefined {
  const observedId = desired.observed.spaceId
  const marker = spaceMarkerFor(desired.slug)
  return spaces.find(space => typeof observedId === 'string' && space.id === observedId)
    ?? spaces.find(space => space.description === marker)
}

/**
 * Reads the tenant's space with as little as possible: by its recorded id when there is one (one space,
 * whatever the number of tenants), else — and when that id is gone — the list of every project space.
 */
export async function readTenantSpace(driver: OcisDriver, desired: Pick<DesiredTenant, 'slug' | 'observed'>, signal?: AbortSignal): Promise<TOcisDrive | undefined> {
  const observedId = desired.observed.spaceId
  if (typeof observedId === 'string') {
    const byId = findTenantSpace(await driver.listProjectSpaces(signal, { id: observedId }), desired)
    if (byId)
      return byId
  }
  return findTenantSpace(await driver.listProjectSpaces(signal), desired)
}
