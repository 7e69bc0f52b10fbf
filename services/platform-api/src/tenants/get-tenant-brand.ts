import type { TBranding, TEffectiveBrand } from '@dezky/contracts'
import type { Principal } from '../auth/principal'
import type { Queryable } from '../db/client'
import { eq } from 'drizzle-orm'
import { partners } from '../db/schema'
import { getTenant } from './get-tenant'

const FIELDS = [
  'productName',
  'logoUrl',
  'primaryColor',
  'accentColor',
] as const

/**
 * The brand a tenant's people see: field by field the tenant's own branding, else its partner's, else
 * null (the app's default). A partner's customers thus look like the partner unless they set their own.
 */
export async function getTenantBrand({ db, principal, slug }: { db: Queryable, principal: Principal, slug: string }): Promise<TEffectiveBrand> {
  const tenant = await getTenant({ db, principal, slug })
  const partnerBranding: TBranding = tenant.partnerId
    ? (await db.select({ branding: partners.branding }).from(partners).where(eq(partners.id, tenant.partnerId)))[0]?.branding ?? {}
    : {}
  const brand = Object.fromEntries(FIELDS.map(field => [field, tenant.branding[field] ?? partnerBranding[field] ?? null])) as Record<typeof FIELDS[number], string | null>
  return { ...brand, partnerSlug: tenant.partnerSlug }
}
