import type { TTenantRole } from '@dezky/contracts'
import type { Group } from '@goauthentik/api'
import type { DesiredTenant, StepContext, StepOutcome } from '../step'
import type { AuthentikDriver } from './authentik-driver'
import type { TIdentityObserved } from './identity-observed'
import { TENANT_ROLES } from '@dezky/contracts'
import { deactivateDepartedUsers } from './deactivate-departed-users'
import { ensureMemberUser } from './ensure-member-user'
import { ensureRoleGroup } from './ensure-role-group'
import { findTenantGroups } from './find-tenant-groups'
import { readIdentityObserved } from './identity-observed'
import { syncGroupMembers } from './sync-group-members'
import { usernameOf } from './tenant-groups'

function membersOf(group: Group): Map<number, string> {
  return new Map((group.usersObj ?? []).map(user => [user.pk, user.username]))
}

/**
 * `present` and `suspended`: the four role groups exist, each holding exactly the tenant's active members
 * with that role, and every member has a user. Users are active when the membership is (present) or when
 * the person is active in another tenant. A converged tenant costs one read, plus one per member who is in
 * no role group (inactive members), and no writes.
 */
export async function provisionTenantIdentity(driver: AuthentikDriver, desired: DesiredTenant, ctx: StepContext): Promise<StepOutcome> {
  const observed = readIdentityObserved(desired.observed)
  const listed = await findTenantGroups(driver, desired.slug, ctx.signal)
  const groups = {} as Record<TTenantRole, Group>
  for (const role of TENANT_ROLES) {
    groups[role] = await ensureRoleGroup(driver, ctx, {
      slug: desired.slug,
      role,
      listed,
      observedUuid: observed.groups[role],
    })
  }

  const current = Object.fromEntries(TENANT_ROLES.map(role => [
    role,
    membersOf(groups[role]),
  ])) as Record<TTenantRole, Map<number, string>>
  const wanted = Object.fromEntries(TENANT_ROLES.map(role => [
    role,
    new Map<number, string>(),
  ])) as Record<TTenantRole, Map<number, string>>
  const known = new Map(TENANT_ROLES.flatMap(role => groups[role].usersObj ?? []).map(user => [user.username, user]))
  const users: TIdentityObserved['users'] = {}

  for (const member of desired.members) {
    const group = groups[member.role]
    const user = await ensureMemberUser(driver, ctx, {
      member,
      isActive: member.activeElsewhere || (desired.mode === 'present' && member.active),
      known: known.get(usernameOf(member.email)),
      joinGroup: member.active
        ? { pk: group.pk, name: group.name }
        : undefined,
    })
    users[usernameOf(member.email)] = user.pk
    if (user.joined)
      current[member.role].set(user.pk, user.username)
    if (member.active)
      wanted[member.role].set(user.pk, user.username)
  }
  for (const role of TENANT_ROLES)
    await syncGroupMembers(driver, ctx, groups[role], current[role], wanted[role])
  const departed = Object.entries(observed.users).filter(([username]) => !(username in users)).map(([username, pk]) => ({ username, pk }))
  await deactivateDepartedUsers(driver, ctx, departed)

  return {
    status: 'ok',
    observed: {
      groups: Object.fromEntries(TENANT_ROLES.map(role => [role, groups[role].pk])),
      users,
    } satisfies TIdentityObserved,
  }
}
