import type { TMe } from '@dezky/contracts'
import type { AuditActor } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Database } from '../db/client'
import type { UserRow } from '../db/schema'
import { eq, inArray } from 'drizzle-orm'
import { partners, users } from '../db/schema'
import { mirrorIdpMemberships, planIdpMembershipChanges } from './mirror-idp-memberships'
import { toUser } from './to-user'
import { isUserCurrent, upsertUserFromClaims } from './upsert-user-from-claims'

/**
 * `GET /users/me`: who the caller is. Records the user from the token's claims and mirrors its tenant
 * roles into memberships. The apps ask on every page, so when the rows already match the token (the
 * usual case) it answers from reads alone; only a change opens the write transaction.
 */
export async function syncMe({ db, principal, actor }: { db: Database, principal: Principal, actor: AuditActor }): Promise<TMe> {
  const [[current], partnerNames] = await Promise.all([
    db.select().from(users).where(eq(users.subject, principal.subject)),
    findPartnerNames(db, principal),
  ])
  const user = current && isUserCurrent(current, principal) && !(await planIdpMembershipChanges(db, principal, current.id)).length
    ? current
    : await db.transaction(async (tx) => {
        const row = await upsertUserFromClaims(tx, principal)
        await mirrorIdpMemberships(tx, principal, row.id, actor)
        return row
      })
  return toMe(user, principal, partnerNames)
}

/**
 * The display names of the caller's partners, in one query: the token carries only slugs, and the
 * apps' switchers show names. A partner the platform does not hold (a stale IdP group) has none.
 */
async function findPartnerNames(db: Database, principal: Principal): Promise<Map<string, string>> {
  if (!principal.partners.length)
    return new Map()
  const rows = await db.select({ slug: partners.slug, name: partners.name })
    .from(partners)
    .where(inArray(partners.slug, principal.partners.map(p => p.slug)))
  return new Map(rows.map(row => [row.slug, row.name]))
}

function toMe(user: UserRow, principal: Principal, partnerNames: Map<string, string>): TMe {
  return {
    user: toUser(user),
    operatorRole: principal.operatorRole,
    partners: principal.partners.map(({ slug, role }) => {
      const name = partnerNames.get(slug)
      return name === undefined
        ? { slug, role }
        : { slug, role, name }
    }),
    tenants: principal.tenants,
    amr: principal.amr,
  }
}
