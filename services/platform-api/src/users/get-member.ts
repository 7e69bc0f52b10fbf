import type { Queryable } from '../db/client'
import { and, eq, getTableColumns } from 'drizzle-orm'
import { tenantMemberships, users } from '../db/schema'
import { notFound } from '../http/problem'

/** Columns of a person as a member of one tenant. */
export const memberColumns = {
  ...getTableColumns(users),
  role: tenantMemberships.role,
  membershipActive: tenantMemberships.active,
}

/** One member of a tenant, its membership row locked for the rest of the transaction. */
export async function getMember(db: Queryable, tenantId: string, userId: string) {
  const [row] = await db.select(memberColumns).from(tenantMemberships).innerJoin(users, eq(users.id, tenantMemberships.userId)).where(and(eq(tenantMemberships.tenantId, tenantId), eq(tenantMemberships.userId, userId))).for('update', { of: tenantMemberships })
  if (!row)
    throw notFound('Member', 'This user is not a member of the tenant.')
  return row
}
