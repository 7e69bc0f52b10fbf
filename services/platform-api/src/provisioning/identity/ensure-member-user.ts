import type { PartialUser, User } from '@goauthentik/api'
import type { FieldChange } from '../../db/schema'
import type { DesiredMember, StepContext } from '../step'
import type { AuthentikDriver } from './authentik-driver'
import { findUserByUsername } from './find-user'
import { usernameOf } from './tenant-groups'

/** Where users we create live in Authentik's directory tree; adopted users keep theirs. */
export const DEZKY_USER_PATH = 'dezky'

export interface EnsureMemberUserInput {
  member: DesiredMember
  isActive: boolean
  /** The user as a group listing already showed it, which saves the lookup. */
  known?: PartialUser | User
  /** A group the user should join: a new user is created in it. */
  joinGroup?: { pk: string, name: string }
}

export interface MemberUser {
  pk: number
  username: string
  /** Whether the user was created inside `joinGroup`. */
  joined: boolean
}

/** The member's Authentik user: adopted by username (the lower-cased e-mail) or created; fields kept in line. */
export async function ensureMemberUser(driver: AuthentikDriver, ctx: StepContext, input: EnsureMemberUserInput): Promise<MemberUser> {
  const { member, isActive, joinGroup } = input
  const username = usernameOf(member.email)
  const user = input.known ?? await findUserByUsername(driver, username, ctx.signal)

  if (!user) {
    const created = await driver.call(`create user ${username}`, init => driver.core.coreUsersCreate({
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
    return {
      pk: created.pk,
      username,
      joined: Boolean(joinGroup),
    }
  }

  const changes: FieldChange[] = []
  if (user.name !== member.name)
    changes.push({ field: 'name', before: user.name, after: member.name })
  if ((user.email ?? '') !== username)
    changes.push({ field: 'email', before: user.email ?? null, after: username })
  if ((user.isActive ?? true) !== isActive)
    changes.push({ field: 'is_active', before: user.isActive ?? true, after: isActive })
  if (changes.length) {
    await driver.call(`update user ${username}`, init => driver.core.coreUsersPartialUpdate({
      id: user.pk,
      patchedUserRequest: Object.fromEntries(changes.map(change => [
        change.field === 'is_active'
          ? 'isActive'
          : change.field,
        change.after,
      ])),
    }, init), ctx.signal)
    await ctx.recordWrite({
      upstream: 'authentik',
      action: 'authentik.user.update',
      targetType: 'authentik.user',
      targetId: String(user.pk),
      changes,
    })
  }
  return { pk: user.pk, username, joined: false }
}
