import type { TTenantRole } from '@dezky/contracts'
import type { Group } from '@goauthentik/api'

/** The group whose members hold `role` in the tenant: exactly what `parseGroups` reads from the token. */
export function roleGroupName(slug: string, role: TTenantRole): string {
  return `tenant:${slug}:${role}`
}

/** What we put in `attributes.dezky`, so a group stays recognisably ours after a rename. */
export function ourMarker(slug: string, role: TTenantRole): { tenant: string, role: TTenantRole } {
  return { tenant: slug, role }
}

export function isOurGroup(group: Pick<Group, 'attributes'>, slug: string, role: TTenantRole): boolean {
  const marker = (group.attributes as { dezky?: { tenant?: unknown, role?: unknown } } | undefined)?.dezky
  return marker?.tenant === slug && marker.role === role
}

/** The username we give (and look up) for a member: the lower-cased e-mail. */
export function usernameOf(email: string): string {
  return email.trim().toLowerCase()
}
