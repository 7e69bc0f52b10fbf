import type { Queryable } from '../db/client'
import { and, eq, sql } from 'drizzle-orm'
import { passwordResetMails } from '../db/schema'

/** At most one password-reset mail per person in this many seconds. */
export const PASSWORD_RESET_INTERVAL_SECONDS = 60

export type PasswordResetClaim = { claimed: true, sentAt: Date } | { claimed: false, retryAfterSeconds: number }

/**
 * Takes the user's password-reset slot for the next minute, or says how long until it frees up. One
 * conditional upsert decides, so two API processes asked at once cannot both send: Postgres makes the
 * second wait for the first's row and then finds it too recent. Times are the database's, not each
 * process's clock.
 *
 * @example
 * const claim = await claimPasswordReset(db, member.id)
 * if (!claim.claimed) throw tooManyRequests(claim.retryAfterSeconds)
 */
export async function claimPasswordReset(db: Queryable, userId: string): Promise<PasswordResetClaim> {
  const [row] = await db.insert(passwordResetMails).values({ userId, sentAt: sql`now()` }).onConflictDoUpdate({
    target: passwordResetMails.userId,
    set: { sentAt: sql`excluded.sent_at` },
    setWhere: sql`${passwordResetMails.sentAt} <= excluded.sent_at - make_interval(secs => ${PASSWORD_RESET_INTERVAL_SECONDS})`,
  }).returning({ sentAt: passwordResetMails.sentAt })
  if (row)
    return { claimed: true, sentAt: row.sentAt }
  const { rows } = await db.execute<{ seconds: number }>(sql`
    select ceil(extract(epoch from ${passwordResetMails.sentAt} + make_interval(secs => ${PASSWORD_RESET_INTERVAL_SECONDS}) - now()))::int as seconds
    from ${passwordResetMails} where ${passwordResetMails.userId} = ${userId}`)
  return {
    claimed: false,
    retryAfterSeconds: Math.max(1, rows[0]?.seconds ?? 1),
  }
}

/**
 * Gives the slot back when the mail did not go out, so asking again need not wait the minute; a slot
 * someone else took meanwhile is left alone.
 *
 * @example
 * await releasePasswordReset(db, member.id, claim.sentAt)
 */
export async function releasePasswordReset(db: Queryable, userId: string, sentAt: Date): Promise<void> {
  await db.delete(passwordResetMails).where(and(eq(passwordResetMails.userId, userId), eq(passwordResetMails.sentAt, sentAt)))
}
