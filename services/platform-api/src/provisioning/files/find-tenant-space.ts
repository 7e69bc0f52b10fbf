import type { DesiredTenant } from '../step'
import type { TOcisDrive } from './ocis-schemas'
import { spaceMarkerFor, spaceNameFor } from './space-naming'

/**
 * The tenant's space among the listed project spaces: the observed id first (survives renames), then
 * our description marker, then the name — so a space created before we recorded its id is adopted,
 * never duplicated.
 */
export function findTenantSpace(spaces: readonly TOcisDrive[], desired: Pick<DesiredTenant, 'slug' | 'observed'>): TOcisDrive | undefined {
  const observedId = desired.observed.spaceId
  const marker = spaceMarkerFor(desired.slug)
  const name = spaceNameFor(desired.slug)
  return spaces.find(space => typeof observedId === 'string' && space.id === observedId)
    ?? spaces.find(space => space.description === marker)
    ?? spaces.find(space => space.name === name)
}
