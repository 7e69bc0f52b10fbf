import type { Group, User } from '@goauthentik/api'
import type { DesiredTenant, StepContext, StepOutcome } from '../step'
import type { AuthentikDriver } from './authentik-driver'
import type { TIdentityObserved } from './identity-observed'
import { TENANT_ROLES } from '@dezky/contracts'
import { UpstreamError } from '../upstream-error'
import { findTenantGroups } from './find-tenant-groups'
import { findUserByUsername } from './find-user'
import { readIdentityObserved } from './identity-observed'
import { roleGroupName, usernameOf } from './tenant-groups'
import { createdByDezky } from './user-ownership'

async function groupsRenamedAway(driver: AuthentikDriver, uuids: string[], slug: string, signal: AbortSignal): Promise<Group[]> {
  const found: Group[] = []
  for (const groupUuid of uuids) {
    try {
      const group = await driver.call(`read group ${groupUuid}`, init => driver.core.coreGroupsRetrieve({ groupUuid, includeUsers: false }, init), signal)
      if ((group.attributes as { dezky?: { tenant?: string } } | undefined)?.dezky?.tenant === slug)
        found.push(group)
    }
    catch (error) {
      if (!(error instanceof UpstreamError && error.details.status === 404))
        throw error
    }
  }
  return found
}

/** Every user in these groups, with all the groups each belongs to (one request per 100 users). */
async function membersWithGroups(driver: AuthentikDriver, groups: Group[], signal: AbortSignal): Promise<User[]> {
  const users: User[] = []
  for (let page = 1; groups.length; page++) {
    const answer = await driver.call('list the tenant\'s users', init => driver.core.coreUsersList({
      groupsByPk: groups.map(group => group.pk),
      includeGroups: false,
      includeRoles: false,
      page,
      pageSize: 100,
    }, init), signal)
    users.push(...answer.results)
    if (!answer.pagination.next)
      break
  }
  return users
}

/**
 * `absent`: deletes the tenant's role groups, and the users the platform created (path `dezky`) who would
 * then belong to no group and are not active in another tenant (people with other groups — operators,
 * partners, other tenants — and people who were in Authentik before Dezky stay).
 * Users go first, so a run cut short still finds them through the groups next time.
 */
export async function removeTenantIdentity(driver: AuthentikDriver, desired: DesiredTenant, ctx: StepContext): Promise<StepOutcome> {
  const observed = readIdentityObserved(desired.observed)
  const names = new Set(TENANT_ROLES.map(role => roleGroupName(desired.slug, role)))
  const observedUuids = Object.values(observed.groups)
  const listed = (await findTenantGroups(driver, desired.slug, ctx.signal))
    .filter(group => names.has(group.name) || observedUuids.includes(group.pk))
  const ours = [
    ...listed,
    ...await groupsRenamedAway(driver, observedUuids.filter(uuid => !listed.some(group => group.pk === uuid)), desired.slug, ctx.signal),
  ]
  const ourUuids = new Set(ours.map(group => group.pk))
  const keep = new Set(desired.members.filter(member => member.activeElsewhere).map(member => usernameOf(member.email)))

  const candidates = new Map<string, User | undefined>((await membersWithGroups(driver, ours, ctx.signal)).map(user => [user.username, user]))
  if (!observed.removed) {
    for (const username of [
      ...Object.keys(observed.users),
      ...desired.members.map(member => usernameOf(member.email)),
    ]) {
      if (!candidates.has(username))
        candidates.set(username, undefined)
    }
  }
  for (const [username, listedUser] of candidates) {
    if (keep.has(username))
      continue
    const user = listedUser ?? await findUserByUsername(driver, username, ctx.signal)
    // Only people the platform created and that nothing but this tenant holds; an answer without
    // `groups` tells us nothing about the rest, so the user stays.
    if (!user || !createdByDezky(user) || !user.groups || !user.groups.every(uuid => ourUuids.has(uuid)))
      continue
    await driver.call(`delete user ${username}`, init => driver.core.coreUsersDestroy({ id: user.pk }, init), ctx.signal)
    await ctx.recordWrite({
      upstream: 'authentik',
      action: 'authentik.user.delete',
      targetType: 'authentik.user',
      targetId: String(user.pk),
      changes: [
        { field: 'username', before: username, after: null },
      ],
    })
  }
  for (const group of ours) {
    await driver.call(`delete group ${group.name}`, init => driver.core.coreGroupsDestroy({ groupUuid: group.pk }, init), ctx.signal)
    await ctx.recordWrite({
      upstream: 'authentik',
      action: 'authentik.group.delete',
      targetType: 'authentik.group',
      targetId: group.pk,
      changes: [
        { field: 'name', before: group.name, after: null },
      ],
    })
  }
  return {
    status: 'ok',
    observed: { groups: {}, users: {}, removed: true } satisfies TIdentityObserved,
  }
}
