import type { TTenantMember, TTenantRole, TUser } from '@dezky/contracts'
import type { UserRow } from '../db/schema'

export function toUser(row: UserRow): TUser {
  return {
    id: row.id,
    subject: row.subject,
    email: row.email,
    name: row.name,
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  }
}

/** A person as one tenant sees them: active only if neither the account nor this membership is disabled. */
export function toTenantMember(row: UserRow & { role: TTenantRole, membershipActive?: boolean }): TTenantMember {
  return {
    ...toUser(row),
    active: row.active && (row.membershipActive ?? true),
    role: row.role,
  }
}
