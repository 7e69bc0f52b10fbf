import type { IdpUser } from '../idp/demo-users'
import { randomUUID } from 'node:crypto'

export const USER_TYPES = [
  'internal',
  'external',
  'service_account',
  'internal_service_account',
] as const
export type AuthentikUserType = typeof USER_TYPES[number]

/** One Authentik user as the twin holds it (field names are ours; the API shape is in serialize.ts). */
export interface AuthentikUser {
  pk: number
  uuid: string
  /**
   * The OIDC `sub`. Dezky's providers use Authentik's `sub_mode: user_uuid`, so it is the user's uuid;
   * demo users whose fixed subject is a uuid use it as their uuid, keeping their subjects across restarts.
   */
  subject: string
  username: string
  name: string
  email: string
  isActive: boolean
  path: string
  type: AuthentikUserType
  attributes: Record<string, unknown>
  /** Unset: no usable password (users created through the API until `set_password/`). */
  password?: string
  /** Demo users with MFA; Authentik would run an OTP stage, the twin records `otp` in `amr`. */
  mfa: boolean
  /** When the user last signed in (Authentik's `last_login`), null until they have. */
  lastLogin: string | null
  dateJoined: string
  lastUpdated: string
  passwordChangeDate: string
}

export interface AuthentikGroup {
  uuid: string
  numPk: number
  name: string
  isSuperuser: boolean
  parents: string[]
  attributes: Record<string, unknown>
  /** Member pks in the order they joined. */
  users: Set<number>
}

export type NewUser = Pick<AuthentikUser, 'username' | 'name'> & Partial<Omit<AuthentikUser, 'pk' | 'uuid' | 'subject' | 'dateJoined' | 'lastUpdated' | 'passwordChangeDate'>>
export type NewGroup = Pick<AuthentikGroup, 'name'> & Partial<Pick<AuthentikGroup, 'isSuperuser' | 'parents' | 'attributes'>>

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * The directory behind the Authentik twin: users and groups, shared by the `/api/v3` routes and the
 * OpenID provider (logins, the `groups` claim), so a membership changed through the API shows up in the
 * next token.
 */
export function createAuthentikStore(seed: readonly IdpUser[] = []) {
  const users = new Map<number, AuthentikUser>()
  const groups = new Map<string, AuthentikGroup>()
  let nextUserPk = 1
  let nextGroupPk = 1
  const now = () => new Date().toISOString()

  const store = {
    users: () => [
      ...users.values(),
    ],
    groups: () => [
      ...groups.values(),
    ],
    user: (pk: number) => users.get(pk),
    group: (uuid: string) => groups.get(uuid.toLowerCase()),
    userByUsername: (username: string) => store.users().find(user => user.username === username),
    userBySubject: (subject: string) => store.users().find(user => user.subject === subject),
    groupByName: (name: string) => store.groups().find(group => group.name === name),
    /** Authentik's identification stage accepts the username or the e-mail, case-insensitively. */
    userByLogin(login: string): AuthentikUser | undefined {
      const wanted = login.trim().toLowerCase()
      return store.users().find(user => user.username.toLowerCase() === wanted)
        ?? store.users().find(user => user.email.toLowerCase() === wanted)
    },
    /** The groups a user is a direct member of, as Authentik's `groups` scope mapping lists them. */
    groupsOf: (pk: number) => store.groups().filter(group => group.users.has(pk)),

    createUser(input: NewUser & { subject?: string }): AuthentikUser {
      const at = now()
      const uuid = input.subject && UUID.test(input.subject)
        ? input.subject.toLowerCase()
        : randomUUID()
      const user: AuthentikUser = {
        isActive: true,
        email: '',
        path: 'users',
        type: 'internal',
        attributes: {},
        mfa: false,
        lastLogin: null,
        ...input,
        pk: nextUserPk++,
        uuid,
        subject: input.subject ?? uuid,
        dateJoined: at,
        lastUpdated: at,
        passwordChangeDate: at,
      }
      users.set(user.pk, user)
      return user
    },
    updateUser(pk: number, changes: Partial<AuthentikUser>): AuthentikUser | undefined {
      const user = users.get(pk)
      if (!user)
        return undefined
      Object.assign(user, changes, {
        lastUpdated: now(),
      })
      if (changes.password !== undefined)
        user.passwordChangeDate = user.lastUpdated
      return user
    },
    deleteUser(pk: number): boolean {
      for (const group of groups.values())
        group.users.delete(pk)
      return users.delete(pk)
    },

    createGroup(input: NewGroup, members: Iterable<number> = []): AuthentikGroup {
      const group: AuthentikGroup = {
        isSuperuser: false,
        parents: [],
        attributes: {},
        ...input,
        uuid: randomUUID(),
        numPk: nextGroupPk++,
        users: new Set(members),
      }
      groups.set(group.uuid, group)
      return group
    },
    updateGroup(uuid: string, changes: Partial<Omit<AuthentikGroup, 'uuid' | 'numPk'>>): AuthentikGroup | undefined {
      const group = store.group(uuid)
      return group && Object.assign(group, changes)
    },
    deleteGroup(uuid: string): boolean {
      const key = uuid.toLowerCase()
      for (const group of groups.values())
        group.parents = group.parents.filter(parent => parent !== key)
      return groups.delete(key)
    },
  }

  for (const demo of seed) {
    if (store.userBySubject(demo.subject))
      throw new Error(`duplicate IdP user subject ${demo.subject}`)
    for (const login of new Set([
      demo.username.toLowerCase(),
      demo.email.toLowerCase(),
    ])) {
      if (store.userByLogin(login))
        throw new Error(`duplicate IdP user login ${login}`)
    }
    const user = store.createUser({
      subject: demo.subject,
      username: demo.username,
      name: demo.name,
      email: demo.email,
      password: demo.password,
      mfa: demo.mfa,
    })
    for (const name of demo.groups)
      (store.groupByName(name) ?? store.createGroup({ name })).users.add(user.pk)
  }
  return store
}

export type AuthentikStore = ReturnType<typeof createAuthentikStore>
