import type { Idp, IdpUser } from '@dezky/twins'
import { parseGroups } from '@dezky/contracts'
import { DEMO_USERS } from '@dezky/twins'

/** The demo user whose token may create partners and tenants. */
export function demoSuperAdmin(users: readonly IdpUser[] = DEMO_USERS): IdpUser {
  const admin = users.find(user => parseGroups(user.groups).operatorRole === 'super_admin')
  if (!admin)
    throw new Error('No demo user holds operator:super_admin; seeding needs one')
  return admin
}

/**
 * An access token for the demo super admin, minted by the IdP twin exactly as its token endpoint would
 * (groups and MFA `amr` from the user list), so seeding goes through the API's real authorisation.
 *
 * @example
 * await seedDemoData({ apiUrl: api.url, token: await demoAdminToken(idp) })
 */
export function demoAdminToken(idp: Pick<Idp, 'issueAccessToken'>, ttlSeconds = 300): Promise<string> {
  return idp.issueAccessToken({ sub: demoSuperAdmin().subject, ttlSeconds })
}
