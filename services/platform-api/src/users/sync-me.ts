import type { TMe } from '@dezky/contracts'
import type { AuditActor } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Database } from '../db/client'
import { mirrorIdpMemberships } from './mirror-idp-memberships'
import { toUser } from './to-user'
import { upsertUserFromClaims } from './upsert-user-from-claims'

/**
 * `GET /users/me`: who the caller is. Records the user from the token's claims and mirrors its tenant
 * roles into memberships, in one transaction.
 */
export async function syncMe({ db, principal, actor }: { db: Database, principal: Principal, actor: AuditActor }): Promise<TMe> {
  const user = await db.transaction(async (tx) => {
    const row = await upsertUserFromClaims(tx, principal)
    await mirrorIdpMemberships(tx, principal, row.id, actor)
    return row
  })
  return {
    user: toUser(user),
    operatorRole: principal.operatorRole,
    partners: principal.partners,
    tenants: principal.tenants,
    amr: principal.amr,
  }
}
