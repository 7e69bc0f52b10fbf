import type { TTenantRole } from '@dezky/contracts'
import type { IdpUser } from '@dezky/twins'
import { parseGroups } from '@dezky/contracts'
import { DEMO_USERS } from '@dezky/twins'

export interface DemoMember {
  tenantSlug: string
  email: string
  name: string
  role: TTenantRole
}

/** Each demo user's tenant memberships, read from the same `groups` claim the API authorises with. */
export function demoMembers(users: readonly IdpUser[] = DEMO_USERS): DemoMember[] {
  return users.flatMap(user => parseGroups(user.groups).tenants.map(({ slug, role }) => ({
    tenantSlug: slug,
    email: user.email,
    name: user.name,
    role,
  })))
}
