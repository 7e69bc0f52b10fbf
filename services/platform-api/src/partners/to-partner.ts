import type { TPartner } from '@dezky/contracts'
import type { PartnerRow } from '../db/schema'

export function toPartner(row: PartnerRow): TPartner {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    branding: row.branding,
    contacts: row.contacts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}
