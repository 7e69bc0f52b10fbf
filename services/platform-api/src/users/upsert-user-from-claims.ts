import type { Principal } from '../auth/principal'
import type { Transaction } from '../db/client'
import type { UserRow } from '../db/schema'
import { and, eq, ne, sql } from 'drizzle-orm'
import { users } from '../db/schema'
import { conflict } from '../http/problem'

/**
 * The caller's user row, created or refreshed from the token's claims. A row an admin made before the
 * person's first sign-in (no subject yet) is claimed by e-mail — but only when the IdP says the address
 * is verified, or anyone able to put that address on an account would inherit its memberships.
 */
export async function upsertUserFromClaims(tx: Transaction, principal: Principal): Promise<UserRow> {
  const { email, name } = claimedProfile(principal)
  const [bySubject] = await tx.select().from(users).where(eq(users.subject, principal.subject)).for('update')
  if (bySubject) {
    const emailFree = email && principal.emailVerified && email !== bySubject.email.toLowerCase()
      && !(await emailTaken(tx, email, bySubject.id))
    const [row] = await tx.update(users).set({
      name,
      ...(emailFree
        ? { email }
        : {}),
      lastLoginAt: latest(bySubject.lastLoginAt, principal.authenticatedAt),
      updatedAt: profileUpdatedAt(bySubject, name, emailFree ? email : null),
    }).where(eq(users.id, bySubject.id)).returning()
    return row!
  }
  const fallbackEmail = email ?? `${principal.subject}@users.invalid`
  if (principal.emailVerified && email) {
    const [invited] = await tx.select().from(users).where(and(sql`lower(${users.email}) = ${email}`, sql`${users.subject} is null`)).for('update')
    if (invited) {
      const [row] = await tx.update(users).set({
        subject: principal.subject,
        name,
        lastLoginAt: principal.authenticatedAt,
        updatedAt: profileUpdatedAt(invited, name, null),
      }).where(eq(users.id, invited.id)).returning()
      return row!
    }
  }
  if (await emailTaken(tx, fallbackEmail))
    throw conflict('Your e-mail address belongs to another account here; ask an administrator to sort it out.')
  const [row] = await tx.insert(users).values({
    subject: principal.subject,
    email: fallbackEmail,
    name,
    lastLoginAt: principal.authenticatedAt,
  }).returning()
  return row!
}

async function emailTaken(tx: Transaction, email: string, exceptId?: string): Promise<boolean> {
  const [hit] = await tx.select({ id: users.id }).from(users).where(and(sql`lower(${users.email}) = ${email}`, exceptId
    ? ne(users.id, exceptId)
    : undefined)).limit(1)
  return !!hit
}

/**
 * Whether the row already says what the token says, so `GET /users/me` — which the apps call on every
 * page — can answer without a write. An e-mail change is only taken from a verified address.
 */
export function isUserCurrent(row: UserRow, principal: Principal): boolean {
  const { email, name } = claimedProfile(principal)
  const emailCurrent = !email || !principal.emailVerified || email === row.email.toLowerCase()
  return row.name === name && emailCurrent && !!row.lastLoginAt && row.lastLoginAt >= principal.authenticatedAt
}

function claimedProfile(principal: Principal): { email: string | null, name: string } {
  const email = principal.email?.toLowerCase() ?? null
  return { email, name: principal.name ?? email ?? principal.subject }
}

/**
 * `updated_at` marks changes of the profile the reconciler carries upstream (name, e-mail); the portal
 * shows a member as being set up until the steps ran after it. A sign-in alone changes neither.
 */
function profileUpdatedAt(row: UserRow, name: string, newEmail: string | null): Date {
  return row.name !== name || newEmail
    ? new Date()
    : row.updatedAt
}

function latest(stored: Date | null, signedIn: Date): Date {
  return stored && stored > signedIn
    ? stored
    : signedIn
}
