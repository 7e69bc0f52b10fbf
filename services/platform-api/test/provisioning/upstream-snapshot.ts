import type { Twins } from '@dezky/twins'

/**
 * What the upstream twins hold for one tenant, reduced to the facts provisioning decides (names,
 * members, roles, quotas, enabled or not) so two snapshots compare equal when the state is the same.
 */
export function upstreamSnapshot(twins: Twins, slug: string, domain: string) {
  const users = twins.idp.authentik.users()
  const usernameOf = new Map(users.map(user => [user.pk, user.username]))
  const groups = twins.idp.authentik.groups().filter(group => group.name.startsWith(`tenant:${slug}:`))
  const memberNames = new Set(groups.flatMap(group => [...group.users].map(pk => usernameOf.get(pk))))
  const ocisUsers = new Map(twins.ocis.users().map(user => [user.id, user.mail ?? user.onPremisesSamAccountName]))
  const domainIds = new Set(twins.stalwart.objects('Domain').filter(d => d.name === domain).map(d => d.id))
  return {
    groups: groups.map(group => ({
      name: group.name,
      members: [...group.users].map(pk => usernameOf.get(pk)).sort(),
    })).sort((a, b) => a.name.localeCompare(b.name)),
    users: users.filter(user => memberNames.has(user.username) || user.username.endsWith(`@${domain}`))
      .map(user => ({ username: user.username, active: user.isActive }))
      .sort((a, b) => a.username.localeCompare(b.username)),
    domains: [...domainIds].length,
    accounts: twins.stalwart.objects('Account').filter(account => domainIds.has(account.domainId)).map(account => ({ address: account.emailAddress, quotas: account.quotas, permissions: account.permissions })).sort((a, b) => String(a.address).localeCompare(String(b.address))),
    spaces: twins.ocis.spaces().filter(space => space.name === slug).map(space => ({
      disabled: Boolean(space.disabledAt),
      quota: space.quotaTotal,
      grants: [
        ...space.grants.values(),
      ].map(grant => ({
        user: ocisUsers.get(grant.userId),
        role: grant.roleId,
      })).sort((a, b) => String(a.user).localeCompare(String(b.user))),
    })),
  }
}
