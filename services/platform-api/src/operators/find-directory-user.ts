import type { User } from '@goauthentik/api'
import type { AuthentikDriver } from '../provisioning/identity/authentik-driver'
import { Problem } from '../http/problem'
import { findUserByUsername } from '../provisioning/identity/find-user'
import { usernameOf } from '../provisioning/identity/tenant-groups'

/**
 * The Authentik user a new operator's e-mail names: the one whose username is the address (how Dezky
 * names the users it creates), else the one whose e-mail it is, compared without case. Several users
 * sharing the address, none of them named by it, is for an administrator to sort out (409): adopting one
 * at random could hand operator rights to the wrong person.
 *
 * @example
 * const user = await findDirectoryUser(driver, 'rita@dezky.dev')
 */
export async function findDirectoryUser(driver: AuthentikDriver, email: string): Promise<User | undefined> {
  const wanted = usernameOf(email)
  const named = await findUserByUsername(driver, wanted)
  if (named)
    return named
  // Search matches username, name and e-mail (contains, any case); the exact comparison decides.
  const { results } = await driver.call(`find user ${wanted}`, init => driver.core.coreUsersList({
    search: wanted,
    includeGroups: false,
    includeRoles: false,
    pageSize: 100,
  }, init))
  const byUsername = results.find(user => user.username.toLowerCase() === wanted)
  if (byUsername)
    return byUsername
  const byEmail = results.filter(user => (user.email ?? '').toLowerCase() === wanted)
  if (byEmail.length > 1) {
    throw new Problem(409, 'Ambiguous e-mail', {
      detail: `${byEmail.length} identity-provider users share this e-mail address; an administrator must resolve that before one of them can become an operator.`,
    })
  }
  return byEmail[0]
}
