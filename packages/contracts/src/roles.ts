import { z } from 'zod'

export const OPERATOR_ROLES = [
  'super_admin',
  'ops_lead',
  'technician',
  'noc',
] as const
export const PARTNER_ROLES = ['partner_admin', 'partner_agent'] as const
export const TENANT_ROLES = ['owner', 'admin', 'billing', 'member'] as const

export const ZOperatorRole = z.enum(OPERATOR_ROLES)
export const ZPartnerRole = z.enum(PARTNER_ROLES)
export const ZTenantRole = z.enum(TENANT_ROLES)

export type TOperatorRole = z.infer<typeof ZOperatorRole>
export type TPartnerRole = z.infer<typeof ZPartnerRole>
export type TTenantRole = z.infer<typeof ZTenantRole>

/** A slug names tenants and partners in URLs, IdP groups and upstream objects. */
export const ZSlug = z.string().min(2).max(40).regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lowercase letters, digits and inner dashes')
