import type { AuthentikStore, AuthentikUser, AuthentikUserType } from './store'
import { Fields, parseUuid } from './fields'
import { USER_TYPES } from './store'

// Django's EmailValidator, close enough for the addresses a twin sees.
const EMAIL = /^[^\s@]+@[^\s@][^\s.@]*\.[^\s@]+$/

/** UserSerializer's validation; `current` is the user being updated. */
export function readUser(store: AuthentikStore, body: Record<string, unknown>, partial: boolean, current?: AuthentikUser) {
  const fields = new Fields(body, partial)
  const username = fields.string('username', { required: true, maxLength: 150 })
  if (username !== undefined && store.users().some(user => user.username === username && user !== current))
    fields.errors.username = ['This field must be unique.']
  const name = fields.string('name', { required: true, allowBlank: true })
  const isActive = fields.boolean('is_active')
  const email = fields.string('email', { allowBlank: true, maxLength: 254 })
  if (email && !EMAIL.test(email))
    fields.errors.email = ['Enter a valid email address.']
  // `groups` defaults to an empty list, so a PUT without it takes the user out of every group, as upstream.
  const groups = fields.pks('groups', parseUuid, uuid => Boolean(store.group(uuid))) ?? (partial
    ? undefined
    : [])
  fields.pks('roles', parseUuid, () => false)
  const attributes = fields.dict('attributes')
  const path = fields.string('path')
  if (path !== undefined && (path.startsWith('/') || path.endsWith('/')))
    fields.errors.path = ['No leading or trailing slashes allowed.']
  else if (path?.split('/').includes(''))
    fields.errors.path = ['No empty segments in user path allowed.']
  const type = fields.string('type')
  if (type !== undefined && !USER_TYPES.includes(type as AuthentikUserType))
    fields.errors.type = [`"${type}" is not a valid choice.`]
  else if (type === 'internal_service_account' && current?.type !== type)
    fields.errors.type = ['Setting a user to internal service account is not allowed.']
  const changes: Partial<AuthentikUser> = Object.fromEntries(Object.entries({
    username,
    name,
    isActive,
    email,
    attributes,
    path,
    type: type as AuthentikUserType | undefined,
  }).filter(([, value]) => value !== undefined))
  return { fields, changes, groups }
}

/** Applies the `groups` field: the user ends up in exactly these groups. */
export function setUserGroups(store: AuthentikStore, pk: number, groups: string[]): void {
  for (const group of store.groups()) {
    if (groups.includes(group.uuid))
      group.users.add(pk)
    else
      group.users.delete(pk)
  }
}
