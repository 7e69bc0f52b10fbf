import { z } from 'zod'
import { ZMemberProvisioning } from './portal'
import { ZOperatorRole, ZPartnerRole, ZSlug, ZTenantRole } from './roles'

export const ZUser = z.object({
  id: z.uuid(),
  subject: z.string().nullable(),
  email: z.email(),
  name: z.string(),
  active: z.boolean(),
  lastLoginAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
})
export type TUser = z.infer<typeof ZUser>

export const ZTenantMember = ZUser.extend({ role: ZTenantRole })
export type TTenantMember = z.infer<typeof ZTenantMember>

/** An item of `GET /tenants/:slug/members`: the member and whether their accounts exist upstream yet. */
export const ZTenantMemberListItem = ZTenantMember.extend({ provisioning: ZMemberProvisioning })
export type TTenantMemberListItem = z.infer<typeof ZTenantMemberListItem>

/** Who the caller is, as the API sees them: the answer of `GET /users/me`. */
export const ZMe = z.object({
  user: ZUser,
  operatorRole: ZOperatorRole.nullable(),
  partners: z.array(z.object({
    slug: ZSlug,
    role: ZPartnerRole,
    /** The partner's display name; absent when the token names a partner the platform does not hold. */
    name: z.string().optional(),
  })),
  tenants: z.array(z.object({ slug: ZSlug, role: ZTenantRole })),
  amr: z.array(z.string()),
})
export type TMe = z.infer<typeof ZMe>

export const ZCreateTenantMember = z.strictObject({
  email: z.email().max(254).transform(e => e.toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: ZTenantRole.default('member'),
})
export const ZUpdateTenantMember = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  role: ZTenantRole.optional(),
  active: z.boolean().optional(),
})
