import type { TPartner, ZUpdatePartner } from '@dezky/contracts'
import type { z } from 'zod'
import type { AuditInput } from '../audit/write-audit-entry'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { diffFields } from '../audit/diff-fields'
import { partners } from '../db/schema'
import { getPartner } from './get-partner'
import { toPartner } from './to-partner'

export interface UpdatePartnerOptions {
  db: Queryable
  principal: Principal
  slug: string
  input: z.output<typeof ZUpdatePartner>
  audit: (entry: AuditInput) => Promise<void>
}

export async function updatePartner({ db, principal, slug, input, audit }: UpdatePartnerOptions): Promise<TPartner> {
  const current = await getPartner({
    db,
    principal,
    slug,
    capability: 'partner:update',
  })
  const [row] = await db.update(partners).set({
    ...input,
    updatedAt: new Date(),
  }).where(eq(partners.id, current.id)).returning()
  await audit({
    action: 'partner.update',
    targetType: 'partner',
    targetId: current.id,
    tenantSlug: null,
    changes: diffFields(toPartner(current), toPartner(row!)),
  })
  return toPartner(row!)
}
