import type { DesiredTenant, StepContext } from '../step'
import type { OcisDriver } from './create-ocis-driver'
import type { TOcisDrive } from './ocis-schemas'
import { retryable, UpstreamError } from '../upstream-error'
import { spaceRoleFor, spaceRoleName } from './space-roles'
import { spaceGrantsOf } from './space-state'

export interface SyncedMembers {
  /** E-mail → OCIS user id, for every active member. */
  users: Record<string, string>
  /** The driver's own OCIS user id, when it had to be known. */
  selfId?: string
}

async function resolveUserId(driver: OcisDriver, member: DesiredTenant['members'][number], ctx: StepContext): Promise<string> {
  const existing = await driver.findUserByEmail(member.email, ctx.signal)
  if (existing)
    return existing.id
  let created
  try {
    created = await driver.createUser({ email: member.email, name: member.name }, ctx.signal)
  }
  catch (error) {
    // 409 nameAlreadyExists: someone (another tenant's run for the same person) created the user since
    // our lookup. Adopt it; if it is not findable yet, the next attempt will find it.
    if (!(error instanceof UpstreamError && error.details.status === 409))
      throw error
    const raced = await driver.findUserByEmail(member.email, ctx.signal)
    if (raced)
      return raced.id
    throw retryable('ocis', `creating user ${member.email}: it exists (409) but is not found yet`, { status: 409, cause: error })
  }
  await ctx.recordWrite({
    upstream: 'ocis',
    action: 'ocis.user.create',
    targetType: 'ocis.user',
    targetId: created.id,
    changes: [
      { field: 'mail', before: null, after: member.email },
      { field: 'displayName', before: null, after: member.name },
    ],
  })
  return created.id
}

/**
 * Makes the space's user permissions exactly the active members with their roles. A member whose id was
 * observed and who already holds a permission costs no read; others are looked up (and created in OCIS's
 * IDM when missing). Permissions of anyone else are removed — except the driver's own: OCIS makes a
 * space's creator its manager, and that grant is how the platform keeps managing the space.
 */
export async function syncSpaceMembers(driver: OcisDriver, drive: TOcisDrive, desired: DesiredTenant, ctx: StepContext, known: { selfId?: string }): Promise<SyncedMembers> {
  const observedUsers = (desired.observed.users ?? {}) as Record<string, string>
  const grants = spaceGrantsOf(drive)
  const users: Record<string, string> = {}
  const wanted = new Map<string, { email: string, roleId: string }>()
  for (const member of desired.members.filter(candidate => candidate.active)) {
    const observedId = observedUsers[member.email]
    const id = observedId && grants.has(observedId)
      ? observedId
      : await resolveUserId(driver, member, ctx)
    users[member.email] = id
    wanted.set(id, {
      email: member.email,
      roleId: spaceRoleFor(member.role),
    })
  }

  const change = async (action: string, email: string, before: string | undefined, after: string | undefined) => ctx.recordWrite({
    upstream: 'ocis',
    action,
    targetType: 'ocis.space',
    targetId: drive.id,
    changes: [
      {
        field: `members.${email}`,
        before: spaceRoleName(before),
        after: spaceRoleName(after),
      },
    ],
  })
  for (const [userId, { email, roleId }] of wanted) {
    const current = grants.get(userId)
    if (current === roleId)
      continue
    // A grant we did not see (drift between the list and now) answers 409: change its role instead.
    if (current === undefined && await driver.invite(drive.id, userId, roleId, ctx.signal)) {
      await change('ocis.space.member.add', email, undefined, roleId)
      continue
    }
    await driver.setRole(drive.id, userId, roleId, ctx.signal)
    await change('ocis.space.member.update', email, current, roleId)
  }

  let selfId = known.selfId
  const strangers = [
    ...grants.keys(),
  ].filter(userId => !wanted.has(userId) && userId !== selfId)
  if (strangers.length > 0 && !selfId)
    selfId = (await driver.me(ctx.signal)).id
  for (const userId of strangers.filter(candidate => candidate !== selfId)) {
    await driver.removePermission(drive.id, userId, ctx.signal)
    const email = Object.entries(observedUsers).find(([, id]) => id === userId)?.[0] ?? userId
    await change('ocis.space.member.remove', email, grants.get(userId), undefined)
  }
  return { users, selfId }
}
