import type { FindAccount } from 'oidc-provider'
import type { IdpUser } from './demo-users'
import { createHash, timingSafeEqual } from 'node:crypto'

/** The profile claims Authentik puts in ID tokens, userinfo and (for us) access tokens. */
export interface UserClaims {
  email: string
  email_verified: boolean
  name: string
  preferred_username: string
  groups: string[]
}

export interface AccountStore {
  /** The user whose username or e-mail (case-insensitive) and password match, else undefined. */
  authenticate: (login: string, password: string) => IdpUser | undefined
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

export function createAccountStore(users: readonly IdpUser[]): AccountStore {
  const bySubject = new Map<string, IdpUser>()
  const byLogin = new Map<string, IdpUser>()
  for (const user of users) {
    if (bySubject.has(user.subject))
      throw new Error(`duplicate IdP user subject ${user.subject}`)
    bySubject.set(user.subject, user)
    for (const login of new Set([
      user.username.toLowerCase(),
      user.email.toLowerCase(),
    ])) {
      if (byLogin.has(login))
        throw new Error(`duplicate IdP user login ${login}`)
      byLogin.set(login, user)
    }
  }

  return {
    authenticate(login, password) {
      const user = byLogin.get(login.trim().toLowerCase())
      return user && samePassword(password, user.password)
        ? user
        : undefined
    },
    get: subject => bySubject.get(subject),
    findAccount(_ctx, sub) {
      const user = bySubject.get(sub)
      if (!user)
        return undefined
      // oidc-provider filters these by the granted scopes and claims before they leave the IdP.
      return {
        accountId: sub,
        claims: () => ({
          sub,
          ...claimsFor(user),
        }),
      }
    },
  }
}
