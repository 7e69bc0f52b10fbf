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

export function toTenantMember(row: UserRow & { role: TTenantRole }): TTenantMember {
  return {
    ...toUser(row),
    role: row.role,
  }
}
