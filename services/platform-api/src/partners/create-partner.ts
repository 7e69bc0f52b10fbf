import type { TPartner, ZCreatePartner } from '@dezky/contracts'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { diffFields } from '../audit/diff-fields'
import { can } from '../auth/capabilities'
import { partners } from '../db/schema'
import { conflict, forbidden } from '../http/problem'
import { toPartner } from './to-partner'

export interface CreatePartnerOptions {
  db: Queryable
  principal: Principal
  input: z.output<typeof ZCreatePartner>
  audit: (entry: AuditInput) => Promise<void>
}

export async function createPartner({ db, principal, input, audit }: CreatePartnerOptions): Promise<TPartner> {
  if (!can(principal, 'partner:create'))
    throw forbidden('Your role cannot create partners.')
  const [row] = await db.insert(partners).values(input).onConflictDoNothing({ target: partners.slug }).returning()
  if (!row)
    throw conflict(`The slug "${input.slug}" is taken.`)
  const partner = toPartner(row)
  await audit({
    action: 'partner.create',
    targetType: 'partner',
    targetId: row.id,
    tenantSlug: null,
    changes: diffFields(null, partner),
  })
  return partner
}
