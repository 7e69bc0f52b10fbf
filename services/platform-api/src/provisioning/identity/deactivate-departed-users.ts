import type { StepContext } from '../step'
import type { AuthentikDriver } from './authentik-driver'
import { UpstreamError } from '../upstream-error'
import { DEACTIVATED_BY_RECONCILER, onlyInTenantGroups, withDeactivationMark } from './user-ownership'

/**
 * People who were members at the last run and are not any more have already left this tenant's groups;
 * a user left in no group at all (no other tenant, partner or operator role) is deactivated, so the
 * account cannot sign in to anything — marked, so the reconciler may activate it again if the person is
 * added back (see user-ownership.ts). It is not deleted: removing people for good is offboarding's job,
 * and an admin may add them back. Costs one read per departed user, once.
 */
export async function deactivateDepartedUsers(driver: AuthentikDriver, ctx: StepContext, departed: { username: string, pk: number }[]): Promise<void> {
  for (const { username, pk } of departed) {
    let user
    try {
      user = await driver.call(`read departed user ${username}`, init => driver.core.coreUsersRetrieve({ id: pk }, init), ctx.signal)
    }
    catch (error) {
      // Already gone upstream: nothing left to close.
      if (error instanceof UpstreamError && error.details.status === 404)
        continue
      throw error
    }
    // Left in no group at all (onlyInTenantGroups also refuses an answer without `groups`): whether the
    // person is active in the other tenants whose groups they are in is not known here, so those stay.
    if (user.username !== username || user.groups?.length !== 0 || !onlyInTenantGroups(user) || user.isActive === false)
      continue
    await driver.call(`deactivate departed user ${username}`, init => driver.core.coreUsersPartialUpdate({
      id: pk,
      patchedUserRequest: {
        isActive: false,
        attributes: withDeactivationMark(user.attributes, true),
      },
    }, init), ctx.signal)
    await ctx.recordWrite({
      upstream: 'authentik',
      action: 'authentik.user.update',
      targetType: 'authentik.user',
      targetId: String(pk),
      changes: [
        { field: 'is_active', before: true, after: false },
        { field: 'attributes.dezky.deactivatedBy', before: null, after: DEACTIVATED_BY_RECONCILER },
      ],
    })
  }
}
