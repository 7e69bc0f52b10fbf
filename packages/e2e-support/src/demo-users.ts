import type { IdpUser } from '@dezky/twins'
import { DEMO_USERS } from '@dezky/twins'

function find(description: string, matches: (user: IdpUser) => boolean): IdpUser {
  const user = DEMO_USERS.find(matches)
  if (!user)
    throw new Error(`the IdP twin has no demo user ${description}`)
  return user
}

/** The first demo account in `group` (e.g. `tenant:acme:owner`), so a test names the role it needs. */
export const demoUserInGroup = (group: string) => find(`in ${group}`, user => user.groups.includes(group))

/** A demo account by address, for the ones a role does not single out (e.g. the operator without MFA). */
export const demoUserWithEmail = (email: string) => find(`with e-mail ${email}`, user => user.email === email)
