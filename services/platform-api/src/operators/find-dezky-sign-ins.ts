import type { Queryable } from '../db/client'
import { inArray } from 'drizzle-orm'
import { users } from '../db/schema'

export interface DezkySignIn {
  userId: string
  lastLoginAt: Date | null
}

/**
 * Which of these Authentik users have signed in to Dezky: `GET /users/me` records each person under
 * their token's `sub`, which is the Authentik user's uuid.
 *
 * @example
 * const signIns = await findDezkySignIns(db, team.accounts.map(a => a.uuid))
 */
export async function findDezkySignIns(db: Queryable, subjects: string[]): Promise<Map<string, DezkySignIn>> {
  if (!subjects.length)
    return new Map()
  const rows = await db.select({ userId: users.id, subject: users.subject, lastLoginAt: users.lastLoginAt }).from(users).where(inArray(users.subject, subjects))
  return new Map(rows.map(row => [
    row.subject!,
    { userId: row.userId, lastLoginAt: row.lastLoginAt },
  ]))
}
