import type { AuthentikDriver } from './authentik-driver'
import { permanent } from '../upstream-error'
import { findUserByUsername } from './find-user'
import { usernameOf } from './tenant-groups'

/**
 * A one-time link to Authentik's recovery flow for the user whose username is this e-mail, for "send a
 * password-reset link". Without a recovery flow on the brand Authentik 2026.5 answers 400
 * `{"non_field_errors": "No recovery flow set."}` (see users/send-password-reset.ts).
 *
 * @example
 * const link = await createRecoveryLink(driver, 'ana@acme.test')
 */
export async function createRecoveryLink(driver: AuthentikDriver, email: string, options: { signal?: AbortSignal } = {}): Promise<string> {
  const username = usernameOf(email)
  const user = await findUserByUsername(driver, username, options.signal)
  if (!user)
    throw permanent('authentik', `no user ${username} to send a recovery link to`, { status: 404 })
  const { link } = await driver.call(`create a recovery link for ${username}`, init => driver.core.coreUsersRecoveryCreate({
    id: user.pk,
    userRecoveryLinkRequest: {},
  }, init), options.signal)
  return link
}
