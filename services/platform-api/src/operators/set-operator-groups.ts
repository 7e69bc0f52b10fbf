import type { TOperatorRole } from '@dezky/contracts'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import type { OperatorAccount, OperatorTeam } from './fetch-operator-team'
import { ensureOperatorGroup } from './ensure-operator-group'

/**
 * Makes the account's operator groups exactly `role`'s (none for null). The new group is joined before
 * any old one is left, so a failure half-way leaves the person with both roles (the stronger counts)
 * rather than none; running it again finishes the change, since only what differs is written.
 */
export async function setOperatorGroups(driver: AuthentikDriver, team: OperatorTeam, account: OperatorAccount, role: TOperatorRole | null): Promise<void> {
  const request = (groupUuid: string) => ({
    groupUuid,
    userAccountRequest: { pk: account.pk },
  })
  if (role && !account.roles.includes(role)) {
    const group = await ensureOperatorGroup(driver, team.groups, role)
    await driver.call(`add_user ${account.username} in ${group.name}`, init => driver.core.coreGroupsAddUserCreate(request(group.pk), init))
  }
  for (const held of account.roles) {
    const group = team.groups.get(held)
    if (held === role || !group)
      continue
    await driver.call(`remove_user ${account.username} from ${group.name}`, init => driver.core.coreGroupsRemoveUserCreate(request(group.pk), init))
  }
}
