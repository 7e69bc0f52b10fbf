import type { PartialUser, User } from '@goauthentik/api'

/** Where users we create live in Authentik's directory tree; adopted users keep theirs. */
export const DEZKY_USER_PATH = 'dezky'

/** `attributes.dezky.deactivatedBy` on a user the reconciler deactivated, so it may activate it again. */
export const DEACTIVATED_BY_RECONCILER = 'reconciler'

type Attributes = Record<string, unknown>
type DezkyAttributes = { deactivatedBy?: string } & Record<string, unknown>

/**
 * Authentik adopts people by username, so the user of a member may predate Dezky (an employee already in
 * the directory, a partner, a demo user). These rules keep the platform from taking such people over:
 * - name and e-mail are changed only on users the platform created (path `dezky`);
 * - a user is deactivated only when every group it is in is a `tenant:*` group (no operator, partner or
 *   other group whose access would be cut off), and the deactivation is marked;
 * - a user is activated again only when the platform created it or the mark says the reconciler
 *   deactivated it — never one an administrator switched off;
 * - a user is deleted only when the platform created it and all its groups are the tenant's (decided by
 *   the caller); an answer without `groups` counts as "not ours".
 */
export function createdByDezky(user: Pick<User, 'path'>): boolean {
  return user.path === DEZKY_USER_PATH
}

function dezkyAttributes(attributes: Attributes | undefined): DezkyAttributes {
  const value = attributes?.dezky
  return value && typeof value === 'object' && !Array.isArray(value)
    ? value as DezkyAttributes
    : {}
}

export function deactivatedByReconciler(user: Pick<PartialUser, 'attributes'>): boolean {
  return dezkyAttributes(user.attributes).deactivatedBy === DEACTIVATED_BY_RECONCILER
}

/**
 * Every group the user is in is a tenant role group (vacuously true for none) and the user holds no
 * direct role and is no superuser; unknown groups → false.
 */
export function onlyInTenantGroups(user: Pick<User, 'groups' | 'groupsObj'> & Partial<Pick<User, 'roles' | 'isSuperuser'>>): boolean {
  if (!user.groups)
    return false
  // Roles assigned to the user directly, or superuser status, are access beyond the tenant too.
  if (user.isSuperuser || (user.roles?.length ?? 0) > 0)
    return false
  if (user.groups.length === 0)
    return true
  const names = user.groupsObj ?? []
  return names.length === user.groups.length && names.every(group => group.name.startsWith('tenant:'))
}

/** The user's attributes with the deactivation mark set or taken away, everything else kept. */
export function withDeactivationMark(attributes: Attributes | undefined, marked: boolean): Attributes {
  const { deactivatedBy: _previous, ...dezky } = dezkyAttributes(attributes)
  const { dezky: _before, ...others } = attributes ?? {}
  const next = marked
    ? { ...dezky, deactivatedBy: DEACTIVATED_BY_RECONCILER }
    : dezky
  // Authentik replaces `attributes` as a whole on PATCH: an emptied `dezky` goes, the rest is kept.
  return Object.keys(next).length > 0
    ? { ...others, dezky: next }
    : others
}
