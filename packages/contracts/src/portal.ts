import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZProvisioningStepName } from './provisioning'
import { ZSlug } from './roles'
import { ZPlan, ZTenantStatus } from './tenants'

/** Plan, limits and what the tenant uses now: `GET /tenants/:slug/usage`. */
export const ZTenantUsage = z.object({
  plan: ZPlan,
  limits: z.object({
    maxUsers: z.number().int(),
    mailboxBytes: z.number().int(),
    storageBytes: z.number().int(),
  }),
  users: z.object({
    active: z.number().int(),
    total: z.number().int(),
  }),
  /** Mailboxes the mail server holds for the tenant (as of the mail step's last run). */
  mailboxes: z.number().int(),
  storage: z.object({
    /** Null until the files step has read the space once. */
    usedBytes: z.number().int().nullable(),
    totalBytes: z.number().int(),
    measuredAt: ZDateTime.nullable(),
  }),
})
export type TTenantUsage = z.infer<typeof ZTenantUsage>

export const ZLaunchTarget = z.object({
  /** Stable key: `webmail`, `files`, or the SSO application's slug. */
  key: z.string(),
  name: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  description: z.string().nullable(),
  kind: z.enum(['webmail', 'files', 'sso']),
})
export type TLaunchTarget = z.infer<typeof ZLaunchTarget>

/** The launcher of `GET /tenants/:slug/services`: webmail, the tenant's file space, SSO applications. */
export const ZTenantServices = z.object({
  items: z.array(ZLaunchTarget),
})
export type TTenantServices = z.infer<typeof ZTenantServices>

/**
 * The brand a tenant's people see (`GET /tenants/:slug/brand`): each field from the tenant's branding,
 * else its partner's; null where neither sets it (the app then uses its own default).
 */
export const ZEffectiveBrand = z.object({
  productName: z.string().nullable(),
  logoUrl: z.string().nullable(),
  primaryColor: z.string().nullable(),
  accentColor: z.string().nullable(),
  /** The partner whose brand applies, if any. */
  partnerSlug: ZSlug.nullable(),
})
export type TEffectiveBrand = z.infer<typeof ZEffectiveBrand>

/** Answer of `POST /tenants/:slug/members/:userId/password-reset` (202): a recovery link was mailed. */
export const ZPasswordResetSent = z.object({
  sentTo: z.email(),
  /** When the link stops working. */
  expiresAt: ZDateTime.nullable(),
})
export type TPasswordResetSent = z.infer<typeof ZPasswordResetSent>

/** How a tenant's provisioning is doing, in one word: every step done, some due or running, some failed. */
export const PROVISIONING_HEALTH = ['ok', 'pending', 'error'] as const
export const ZProvisioningHealth = z.enum(PROVISIONING_HEALTH)
export type TProvisioningHealth = z.infer<typeof ZProvisioningHealth>

/** What `GET /partners/:slug/customers` sorts by (`sort=users`, `sort=-createdAt`). */
export const CUSTOMER_SORT_FIELDS = [
  'name',
  'createdAt',
  'status',
  'plan',
  'users',
] as const
export type TCustomerSortField = typeof CUSTOMER_SORT_FIELDS[number]
/** Every accepted `sort` value: a field, ascending, or `-field`, descending. */
export const CUSTOMER_SORTS = CUSTOMER_SORT_FIELDS.flatMap(field => [field, `-${field}`] as const)

/** A partner's customer in `GET /partners/:slug/customers`. */
export const ZPartnerCustomer = z.object({
  slug: ZSlug,
  name: z.string(),
  status: ZTenantStatus,
  plan: ZPlan,
  users: z.number().int(),
  health: ZProvisioningHealth,
  /** The steps in `error`, for the partner's support people. */
  failingSteps: z.array(ZProvisioningStepName),
  createdAt: ZDateTime,
})
export type TPartnerCustomer = z.infer<typeof ZPartnerCustomer>

/** Whether a member's accounts exist upstream yet (`GET /tenants/:slug/members` items). */
export const ZMemberProvisioning = z.enum(['pending', 'ready', 'error'])
export type TMemberProvisioning = z.infer<typeof ZMemberProvisioning>
