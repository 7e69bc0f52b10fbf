import { z } from 'zod'
import { ZSlug } from './roles'

export const TENANT_STATUSES = [
  'provisioning',
  'active',
  'suspended',
  'offboarding',
  'deleted',
] as const
export const ZTenantStatus = z.enum(TENANT_STATUSES)
export const PLANS = ['starter', 'business', 'enterprise'] as const
export const ZPlan = z.enum(PLANS)
export type TPlan = z.infer<typeof ZPlan>

export const ZBranding = z.strictObject({
  productName: z.string().min(1).max(80).optional(),
  logoUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
  primaryColor: z.string().regex(/^#[0-9a-f]{6}$/i, 'a #rrggbb colour').optional(),
  accentColor: z.string().regex(/^#[0-9a-f]{6}$/i, 'a #rrggbb colour').optional(),
})
export type TBranding = z.infer<typeof ZBranding>

export const ZDomainName = z.string().min(3).max(253).regex(/^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'a lowercase DNS name such as example.com')

export const ZTenant = z.object({
  id: z.uuid(),
  slug: ZSlug,
  name: z.string(),
  status: ZTenantStatus,
  plan: ZPlan,
  partnerSlug: ZSlug.nullable(),
  domains: z.array(ZDomainName),
  branding: ZBranding,
  upstreamRefs: z.record(z.string(), z.string()),
  /** Why the tenant was last suspended or offboarded. */
  statusReason: z.string().nullable(),
  /** While offboarding: when the grace period ends and everything is removed upstream. */
  offboardAfter: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
})
export type TTenant = z.infer<typeof ZTenant>

export const ZCreateTenant = z.strictObject({
  slug: ZSlug,
  name: z.string().trim().min(1).max(120),
  plan: ZPlan.default('starter'),
  partnerSlug: ZSlug.nullable().optional(),
  domains: z.array(ZDomainName).max(20).default([]),
  branding: ZBranding.default({}),
})
export type TCreateTenant = z.infer<typeof ZCreateTenant>

export const ZUpdateTenant = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  plan: ZPlan.optional(),
  domains: z.array(ZDomainName).max(20).optional(),
  branding: ZBranding.optional(),
})
export type TUpdateTenant = z.infer<typeof ZUpdateTenant>
