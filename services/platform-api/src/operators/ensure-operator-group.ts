import type { TOperatorRole } from '@dezky/contracts'
import type { Group } from '@goauthentik/api'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import type { OperatorGroups } from './operator-groups'
import { UpstreamError } from '../provisioning/upstream-error'
import { operatorGroupMarker, operatorGroupName } from './operator-groups'

/**
 * The `operator:<role>` group: the one the team listing found, or a new one marked as ours
 * (`attributes.dezky`). A group an administrator made is used as it is, never re-marked: it is theirs.
 * Created between our listing and this call (by someone in Authentik's admin interface), the name is
 * taken (400) and the group is read again.
 */
export async function ensureOperatorGroup(driver: AuthentikDriver, groups: OperatorGroups, role: TOperatorRole): Promise<Group> {
  const known = groups.get(role)
  if (known)
    return known
  const name = operatorGroupName(role)
  try {
    const created = await driver.call(`create group ${name}`, init => driver.core.coreGroupsCreate({
      groupRequest: {
        name,
        attributes: {
          dezky: operatorGroupMarker(role),
        },
      },
    }, init))
    groups.set(role, created)
    return created
  }
  catch (error) {
    if (!(error instanceof UpstreamError && error.details.status === 400))
      throw error
    const { results } = await driver.call(`find group ${name}`, init => driver.core.coreGroupsList({ name, includeUsers: false }, init))
    const existing = results.find(group => group.name === name)
    if (!existing)
      throw error
    groups.set(role, existing)
    return existing
  }
}
