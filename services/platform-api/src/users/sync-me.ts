import type { TMe } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Database } from '../db/client'
import { and, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { tenantMemberships, tenants, users } from '../db/schema'
import { toUser } from './to-user'

/**
 * Upserts the caller's user row from the token's claims and mirrors the tenant roles of its `groups`
 * claim into memberships (source `idp`), so lists of a tenant's users include everyone who signed in.
 * Memberships granted through the API (source `platform`) are left alone; the reconciler owns those.
 */
export async function syncMe({ db, principal }: { db: Database, principal: Principal }): Promise<TMe> {
  const user = await db.transaction(async (tx) => {
    const email = (principal.email ?? `${principal.subject}@users.invalid`).toLowerCase()
    const name = principal.name ?? email
    const [bySubject] = await tx.select().from(users).where(eq(users.subject, principal.subject)).for('update')
    // A user created by an admin before first sign-in has no subject yet: claim that row by email.
    const [byEmail] = bySubject
      ? []
      : await tx.select().from(users).where(and(sql`lower(${users.email}) = ${email}`, sql`${users.subject} is null`)).for('update')
    const existing = bySubject ?? byEmail
    const [row] = existing
      ? await tx.update(users).set({
          subject: principal.subject,
          email,
          name,
          lastLoginAt: new Date(),
          updatedAt: new Date(),
        }).where(eq(users.id, existing.id)).returning()
      : await tx.insert(users).values({
          subject: principal.subject,
          email,
          name,
          lastLoginAt: new Date(),
        }).onConflictDoUpdate({
          target: users.subject,
          set: {
            email,
            name,
            lastLoginAt: new Date(),
            updatedAt: new Date(),
          },
        }).returning()

    const claimed = principal.tenants
    const known = claimed.length
      ? await tx.select({ id: tenants.id, slug: tenants.slug }).from(tenants).where(inArray(tenants.slug, claimed.map(t => t.slug)))
      : []
    for (const tenant of known) {
      const role = claimed.find(t => t.slug === tenant.slug)!.role
      await tx.insert(tenantMemberships).values({
        tenantId: tenant.id,
        userId: row!.id,
        role,
        source: 'idp',
      }).onConflictDoUpdate({
        target: [tenantMemberships.tenantId, tenantMemberships.userId],
        set: { role, source: 'idp' },
        setWhere: sql`${tenantMemberships.source} = 'idp'`,
      })
    }
    await tx.delete(tenantMemberships).where(and(
      eq(tenantMemberships.userId, row!.id),
      eq(tenantMemberships.source, 'idp'),
      known.length
        ? notInArray(tenantMemberships.tenantId, known.map(t => t.id))
        : undefined,
    ))
    return row!
  })
  return {
    user: toUser(user),
    operatorRole: principal.operatorRole,
    partners: principal.partners,
    tenants: principal.tenants,
    amr: principal.amr,
  }
}
