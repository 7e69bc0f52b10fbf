import type { Group } from '@goauthentik/api'
import type { StepContext } from '../step'
import type { AuthentikDriver } from './authentik-driver'

/**
 * Makes the group's members exactly `wanted` (pk → username): adds the missing, removes the rest.
 * `current` is the membership as last read plus users just created inside the group.
 */
export async function syncGroupMembers(driver: AuthentikDriver, ctx: StepContext, group: Group, current: Map<number, string>, wanted: Map<number, string>): Promise<void> {
  const change = async (action: 'add_user' | 'remove_user', pk: number, username: string) => {
    const request = {
      groupUuid: group.pk,
      userAccountRequest: { pk },
    }
    await driver.call(`${action} ${username} in ${group.name}`, init => action === 'add_user'
      ? driver.core.coreGroupsAddUserCreate(request, init)
      : driver.core.coreGroupsRemoveUserCreate(request, init), ctx.signal)
    await ctx.recordWrite({
      upstream: 'authentik',
      action: `authentik.group.${action}`,
      targetType: 'authentik.group',
      targetId: group.pk,
      changes: [
        {
          field: 'members',
          before: action === 'add_user'
            ? null
            : username,
          after: action === 'add_user'
            ? username
            : null,
        },
      ],
    })
  }
  for (const [pk, username] of wanted) {
    if (!current.has(pk))
      await change('add_user', pk, username)
  }
  for (const [pk, username] of current) {
    if (!wanted.has(pk))
      await change('remove_user', pk, username)
  }
}
