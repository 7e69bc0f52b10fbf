import type { AuthentikGroup, AuthentikStore, AuthentikUser } from './store'
import { createHash } from 'node:crypto'

/** Which nested objects a list or retrieve includes (Authentik's `include_*` query flags). */
export interface GroupIncludes {
  users: boolean
  parents: boolean
  children: boolean
  inheritedRoles: boolean
}

export interface UserIncludes {
  groups: boolean
  roles: boolean
}

// Authentik derives `uid` from the install id and the pk; a fixed prefix stands in for the install id.
function uidOf(user: AuthentikUser): string {
  return createHash('sha256').update(`dezky-twin-${user.pk}`).digest('hex')
}

/** Authentik's GroupMemberSerializer (the spec's PartialUser). */
export function partialUserJson(user: AuthentikUser) {
  return {
    pk: user.pk,
    username: user.username,
    name: user.name,
    is_active: user.isActive,
    last_login: user.lastLogin,
    email: user.email,
    attributes: user.attributes,
    uid: uidOf(user),
  }
}

function relatedGroupJson(group: AuthentikGroup) {
  return {
    pk: group.uuid,
    name: group.name,
    is_superuser: group.isSuperuser,
    attributes: group.attributes,
    group_uuid: group.uuid,
  }
}

/** The spec's Group; nested objects are null unless asked for, as upstream. */
export function groupJson(store: AuthentikStore, group: AuthentikGroup, include: GroupIncludes) {
  const members = [...group.users].map(pk => store.user(pk)).filter(user => user !== undefined)
  const parents = group.parents.map(uuid => store.group(uuid)).filter(parent => parent !== undefined)
  const children = store.groups().filter(other => other.parents.includes(group.uuid))
  return {
    pk: group.uuid,
    num_pk: group.numPk,
    name: group.name,
    is_superuser: group.isSuperuser,
    parents: group.parents,
    parents_obj: include.parents
      ? parents.map(relatedGroupJson)
      : null,
    users: members.map(user => user.pk),
    users_obj: include.users
      ? members.map(partialUserJson)
      : null,
    attributes: group.attributes,
    roles: [],
    roles_obj: [],
    inherited_roles_obj: include.inheritedRoles
      ? []
      : null,
    children: children.map(child => child.uuid),
    children_obj: include.children
      ? children.map(relatedGroupJson)
      : null,
  }
}

/** The spec's User. */
export function userJson(store: AuthentikStore, user: AuthentikUser, include: UserIncludes) {
  const groups = store.groupsOf(user.pk)
  return {
    pk: user.pk,
    username: user.username,
    name: user.name,
    is_active: user.isActive,
    last_login: user.lastLogin,
    date_joined: user.dateJoined,
    is_superuser: groups.some(group => group.isSuperuser),
    groups: groups.map(group => group.uuid),
    groups_obj: include.groups
      ? groups.map(group => ({
          pk: group.uuid,
          num_pk: group.numPk,
          name: group.name,
          is_superuser: group.isSuperuser,
          attributes: group.attributes,
        }))
      : null,
    roles: [],
    roles_obj: include.roles
      ? []
      : null,
    email: user.email,
    // Authentik's default avatar mode renders initials; any data URI satisfies the contract.
    avatar: `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><text>${user.name.slice(0, 1)}</text></svg>`).toString('base64')}`,
    attributes: user.attributes,
    uid: uidOf(user),
    path: user.path,
    type: user.type,
    uuid: user.uuid,
    password_change_date: user.passwordChangeDate,
    last_updated: user.lastUpdated,
  }
}
