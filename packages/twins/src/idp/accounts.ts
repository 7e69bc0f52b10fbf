import type { FindAccount } from 'oidc-provider'
import type { AuthentikStore, AuthentikUser } from '../authentik/store'
import type { IdpUser } from './demo-users'
import { createHash, timingSafeEqual } from 'node:crypto'
import { createAuthentikStore } from '../authentik/store'

/** The profile claims Authentik puts in ID tokens, userinfo and (for us) access tokens. */
export interface UserClaims {
  email: string
  email_verified: boolean
  name: string
  preferred_username: string
  groups: string[]
}

export interface AccountStore {
  /** The active user whose username or e-mail (case-insensitive) and password match, else undefined. */
  authenticate: (login: string, password: string) => IdpUser | undefined
  /** The active user with this subject, with the groups they belong to now. */
  get: (subject: string) => IdpUser | undefined
  findAccount: FindAccount
}

/**
 * Which claims each scope releases. Authentik's default `profile` mapping already carries `groups`; the
 * `groups` scope serves clients that ask for it by name. `amr` is listed so oidc-provider keeps it in ID
 * tokens (it filters out claims no scope names).
 */
export const SCOPE_CLAIMS = {
  openid: ['sub', 'amr'],
  email: ['email', 'email_verified'],
  profile: ['name', 'preferred_username', 'groups'],
  groups: ['groups'],
} satisfies Record<string, string[]>

/** RFC 8176 method references: what the API checks before letting an operator in. */
export function amrFor(user: Pick<IdpUser, 'mfa'>): string[] {
  return user.mfa
    ? ['pwd', 'otp']
    : ['pwd']
}

export function claimsFor(user: IdpUser): UserClaims {
  return {
    email: user.email,
    email_verified: true,
    name: user.name,
    preferred_username: user.username,
    groups: [...user.groups],
  }
}

// Hashing first gives equal-length buffers, so the comparison time does not leak the password length.
function samePassword(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/** A user of the directory as the OpenID side sees it: groups are read live from the store. */
function idpUserOf(store: AuthentikStore, user: AuthentikUser): IdpUser {
  return {
    subject: user.subject,
    username: user.username,
    email: user.email,
    name: user.name,
    password: user.password ?? '',
    mfa: user.mfa,
    groups: store.groupsOf(user.pk).map(group => group.name),
  }
}

/**
 * The accounts the OpenID provider signs in, read from the Authentik twin's directory (a list of users
 * seeds a directory of its own). As in Authentik, an inactive user cannot sign in, refresh or read
 * userinfo, and a user without a password (created through the API, before `set_password/`) cannot sign in.
 */
export function createAccountStore(source: readonly IdpUser[] | AuthentikStore): AccountStore {
  const store = Array.isArray(source)
    ? createAuthentikStore(source)
    : source as AuthentikStore
  const active = (user: AuthentikUser | undefined) => user?.isActive
    ? idpUserOf(store, user)
    : undefined

  const accounts: AccountStore = {
    authenticate(login, password) {
      const user = store.userByLogin(login)
      if (!user?.isActive || user.password === undefined || !samePassword(password, user.password))
        return undefined
      // As Authentik (Django's update_last_login): the sign-in is recorded on the user alone, so
      // `last_updated` stays as it was.
      user.lastLogin = new Date().toISOString()
      return idpUserOf(store, user)
    },
    get: subject => active(store.userBySubject(subject)),
    findAccount(_ctx, sub) {
      if (!accounts.get(sub))
        return undefined
      // oidc-provider filters these by the granted scopes and claims before they leave the IdP; read
      // when asked, so a token minted after a membership change carries the new groups.
      return {
        accountId: sub,
        claims: () => {
          const user = accounts.get(sub)
          return {
            sub,
            ...(user
              ? claimsFor(user)
              : {}),
          }
        },
      }
    },
  }
  return accounts
}
