import type { User } from '@goauthentik/api'
import type { DesiredMember, StepContext } from '../step'
import type { AuthentikDriver } from './authentik-driver'
import { UpstreamError } from '../upstream-error'
import { findUserByUsername } from './find-user'
import { usernameOf } from './tenant-groups'
import { DEZKY_USER_PATH } from './user-ownership'

export interface CreateMemberUserInput {
  member: DesiredMember
  isActive: boolean
  /** A group the new user is created in. */
  joinGroup?: { pk: string, name: string }
}

/**
 * Creates the member's user (path `dezky`), or — when the username was taken between our lookup and the
 * create (400 "must be unique": another tenant's run made the same person at the same moment) — returns
 * the user that now exists, as `adopted`, for the caller to treat like any existing user.
 */
export async function createMemberUser(driver: AuthentikDriver, ctx: StepContext, input: CreateMemberUserInput): Promise<{ created: User } | { adopted: User }> {
  const { member, isActive, joinGroup } = input
  const username = usernameOf(member.email)
  let created: User
  try {
    created = await driver.call(`create user ${username}`, init => driver.core.coreUsersCreate({
      userRequest: {
        username,
        name: member.name,
        email: username,
        isActive,
        path: DEZKY_USER_PATH,
        groups: joinGroup
          ? [joinGroup.pk]
          : [],
      },
    }, init), ctx.signal)
  }
  catch (error) {
    if (!(error instanceof UpstreamError && error.details.status === 400))
      throw error
    const adopted = await findUserByUsername(driver, username, ctx.signal)
    if (!adopted)
      throw error
    return { adopted }
  }
  await ctx.recordWrite({
    upstream: 'authentik',
    action: 'authentik.user.create',
    targetType: 'authentik.user',
    targetId: String(created.pk),
    changes: [
      { field: 'username', before: null, after: username },
      { field: 'name', before: null, after: member.name },
      { field: 'email', before: null, after: username },
      { field: 'is_active', before: null, after: isActive },
      { field: 'path', before: null, after: DEZKY_USER_PATH },
      ...(joinGroup
        ? [
            {
              field: 'groups',
              before: null,
              after: [joinGroup.name],
            },
          ]
        : []),
    ],
  })
  return { created }
}
