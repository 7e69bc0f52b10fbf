import type { PartialUser, PatchedUserRequest, User } from '@goauthentik/api'
import type { FieldChange } from '../../db/schema'
import type { DesiredMember, StepContext } from '../step'
import type { AuthentikDriver } from './authentik-driver'
import { createMemberUser } from './create-member-user'
import { findUserByUsername } from './find-user'
import { usernameOf } from './tenant-groups'
import { createdByDezky, DEACTIVATED_BY_RECONCILER, deactivatedByReconciler, onlyInTenantGroups, withDeactivationMark } from './user-ownership'

export { DEZKY_USER_PATH } from './user-ownership'

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

function isFullUser(user: PartialUser | User): user is User {
  return 'groupsObj' in user && Array.isArray(user.groupsObj)
}

/**
 * The member's Authentik user: adopted by username (the lower-cased e-mail) or created; fields kept in
 * line within the rules of user-ownership.ts. A group listing shows users without path and groups, so
 * the user is read in full only when a change those rules decide on is pending.
 */
export async function ensureMemberUser(driver: AuthentikDriver, ctx: StepContext, input: EnsureMemberUserInput): Promise<MemberUser> {
  const { member, isActive } = input
  const username = usernameOf(member.email)
  let user = input.known ?? await findUserByUsername(driver, username, ctx.signal)
  if (!user) {
    const outcome = await createMemberUser(driver, ctx, input)
    if ('created' in outcome) {
      return {
        pk: outcome.created.pk,
        username,
        joined: Boolean(input.joinGroup),
      }
    }
    user = outcome.adopted
  }

  const wasActive = user.isActive ?? true
  const renames = user.name !== member.name || (user.email ?? '') !== username
  const activates = !wasActive && isActive
  const deactivates = wasActive && !isActive
  if (!renames && !activates && !deactivates)
    return { pk: user.pk, username, joined: false }
  const full = isFullUser(user)
    ? user
    : await driver.call(`read user ${username}`, init => driver.core.coreUsersRetrieve({ id: user.pk }, init), ctx.signal)

  const patch: PatchedUserRequest = {}
  const changes: FieldChange[] = []
  if (createdByDezky(full)) {
    if (full.name !== member.name) {
      patch.name = member.name
      changes.push({ field: 'name', before: full.name, after: member.name })
    }
    if ((full.email ?? '') !== username) {
      patch.email = username
      changes.push({ field: 'email', before: full.email ?? null, after: username })
    }
  }
  const marked = deactivatedByReconciler(full)
  if (activates && (createdByDezky(full) || marked)) {
    patch.isActive = true
    changes.push({ field: 'is_active', before: false, after: true })
  }
  if (deactivates && onlyInTenantGroups(full)) {
    patch.isActive = false
    changes.push({ field: 'is_active', before: true, after: false })
  }
  if (patch.isActive !== undefined && marked !== !patch.isActive) {
    patch.attributes = withDeactivationMark(full.attributes, !patch.isActive)
    changes.push({
      field: 'attributes.dezky.deactivatedBy',
      before: marked
        ? DEACTIVATED_BY_RECONCILER
        : null,
      after: patch.isActive
        ? null
        : DEACTIVATED_BY_RECONCILER,
    })
  }
  if (changes.length) {
    await driver.call(`update user ${username}`, init => driver.core.coreUsersPartialUpdate({ id: full.pk, patchedUserRequest: patch }, init), ctx.signal)
    await ctx.recordWrite({
      upstream: 'authentik',
      action: 'authentik.user.update',
      targetType: 'authentik.user',
      targetId: String(full.pk),
      changes,
    })
  }
  return { pk: full.pk, username, joined: false }
}
