import type { TMe } from '@dezky/contracts'
import type { AuditActor } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Database } from '../db/client'
import type { UserRow } from '../db/schema'
import { eq } from 'drizzle-orm'
import { users } from '../db/schema'
import { mirrorIdpMemberships, planIdpMembershipChanges } from './mirror-idp-memberships'
import { toUser } from './to-user'
import { isUserCurrent, upsertUserFromClaims } from './upsert-user-from-claims'

/**
 * `GET /users/me`: who the caller is. Records the user from the token's claims and mirrors its tenant
 * roles into memberships. The apps ask on every page, so when the rows already match the token (the
 * usual case) it answers from reads alone; only a change opens the write transaction.
 */
export async function syncMe({ db, principal, actor }: { db: Database, principal: Principal, actor: AuditActor }): Promise<TMe> {
  const [current] = await db.select().from(users).where(eq(users.subject, principal.subject))
  const user = current && isUserCurrent(current, principal) && !(await planIdpMembershipChanges(db, principal, current.id)).length
    ? current
    : await db.transaction(async (tx) => {
        const row = await upsertUserFromClaims(tx, principal)
        await mirrorIdpMemberships(tx, principal, row.id, actor)
        return row
      })
  return toMe(user, principal)
}

function toMe(user: UserRow, principal: Principal): TMe {
  return {
    user: toUser(user),
    operatorRole: principal.operatorRole,
    partners: principal.partners,
    tenants: principal.tenants,
    amr: principal.amr,
  }
}
