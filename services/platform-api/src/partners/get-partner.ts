import type { Capability } from '../auth/capabilities'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import type { PartnerRow } from '../db/schema'
import { and, eq } from 'drizzle-orm'
import { can } from '../auth/capabilities'
import { partnerScope } from '../auth/scope'
import { partners } from '../db/schema'
import { forbidden, notFound } from '../http/problem'

/** One partner the caller can see; others are 404 like partners that do not exist. */
export async function getPartner({ db, principal, slug, capability }: { db: Queryable, principal: Principal, slug: string, capability?: Capability }): Promise<PartnerRow> {
  const [row] = await db.select().from(partners).where(and(eq(partners.slug, slug), partnerScope(principal, 'partner:read'))).limit(1)
  if (!row)
    throw notFound('Partner', `No partner "${slug}" is visible to you.`)
  if (capability && !can(principal, capability, { partnerSlug: row.slug }))
    throw forbidden(`Your role does not allow ${capability} on partner "${slug}".`)
  return row
}
