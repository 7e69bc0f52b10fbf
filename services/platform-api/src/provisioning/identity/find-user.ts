import type { User } from '@goauthentik/api'
import type { AuthentikDriver } from './authentik-driver'

/** The user with exactly this username (Authentik's `username` filter is exact), or undefined. */
export async function findUserByUsername(driver: AuthentikDriver, username: string, signal?: AbortSignal): Promise<User | undefined> {
  const answer = await driver.call(`find user ${username}`, init => driver.core.coreUsersList({
    username,
    includeRoles: false,
  }, init), signal)
  return answer.results.find(user => user.username === username)
}
