import { z } from 'zod'
import { ZSlug } from './roles'
import { ZBranding } from './tenants'

export const ZContact = z.strictObject({
  name: z.string().trim().min(1).max(120),
  email: z.email().max(254),
  phone: z.string().max(40).optional(),
  kind: z.enum(['billing', 'technical', 'commercial']).default('technical'),
})

export const ZPartner = z.object({
  id: z.uuid(),
  slug: ZSlug,
  name: z.string(),
  branding: ZBranding,
  contacts: z.array(ZContact),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type TPartner = z.infer<typeof ZPartner>

export const ZCreatePartner = z.strictObject({
  slug: ZSlug,
  name: z.string().trim().min(1).max(120),
  branding: ZBranding.default({}),
  contacts: z.array(ZContact).max(20).default([]),
})
export const ZUpdatePartner = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  branding: ZBranding.optional(),
  contacts: z.array(ZContact).max(20).optional(),
})
