import { z } from 'zod'
import { ZDateTime } from './datetime'
import { ZProvisioningHealth } from './portal'
import { ZProvisioningStepName } from './provisioning'
import { ZSlug, ZTenantRole } from './roles'
import { TENANT_STATUSES, ZTenant } from './tenants'
import { ZUser } from './users'

/** What `GET /tenants` (and `GET /partners/:slug/tenants`) sort by (`sort=users`, `sort=-createdAt`). */
export const TENANT_SORT_FIELDS = [
  'createdAt',
  'name',
  'slug',
  'status',
  'plan',
  'users',
] as const
export type TTenantSortField = typeof TENANT_SORT_FIELDS[number]

/** An item of `GET /tenants`: the tenant with its member count and provisioning health. */
export const ZTenantListItem = ZTenant.extend({
  users: z.number().int(),
  health: ZProvisioningHealth,
  /** The steps in `error` (names only; the error texts are in the provisioning view). */
  failingSteps: z.array(ZProvisioningStepName),
})
export type TTenantListItem = z.infer<typeof ZTenantListItem>

/** One of a user's tenants in `GET /users`: only tenants the caller may search are listed. */
export const ZUserMembership = z.object({
  tenantSlug: ZSlug,
  tenantName: z.string(),
  role: ZTenantRole,
  /** Disabled in this tenant only (the user's own `active` covers every tenant). */
  active: z.boolean(),
})
export type TUserMembership = z.infer<typeof ZUserMembership>

/** An item of `GET /users`: a person found across tenants, with their memberships. */
export const ZUserSearchItem = ZUser.extend({
  memberships: z.array(ZUserMembership),
})
export type TUserSearchItem = z.infer<typeof ZUserSearchItem>

/** What `GET /users` sorts by. */
export const USER_SORT_FIELDS = ['email', 'name', 'createdAt'] as const

const ZCount = z.number().int().nonnegative()

/** The operator console's overview: `GET /overview`, counted at `asOf` (the database's clock). */
export const ZOverview = z.object({
  asOf: ZDateTime,
  tenants: z.object({
    total: ZCount,
    /** Every status, zero when none. */
    byStatus: z.object(Object.fromEntries(TENANT_STATUSES.map(status => [status, ZCount])) as Record<typeof TENANT_STATUSES[number], typeof ZCount>),
    /** Created in the last 7 days (168 hours up to `asOf`). */
    newThisWeek: ZCount,
    /** Tenants created per UTC day, the last 30 days oldest first, today included, days without any as 0. */
    createdDaily: z.array(z.object({
      date: z.iso.date(),
      count: ZCount,
    })),
  }),
  provisioning: z.object({
    /** Tenants (not deleted) with at least one step in `error` now. */
    tenantsInError: ZCount,
    /** A few of them, most recently failed first. */
    tenantsInErrorSample: z.array(ZSlug),
    stepsInError: ZCount,
  }),
  users: z.object({
    total: ZCount,
    /** Users not disabled (`active`), whatever their memberships. */
    active: ZCount,
  }),
  partners: z.object({ total: ZCount }),
})
export type TOverview = z.infer<typeof ZOverview>

/** `PUT /tenants/:slug/partner`: the partner the tenant becomes a customer of. */
export const ZAttachTenantPartner = z.strictObject({
  partnerSlug: ZSlug,
})
export type TAttachTenantPartner = z.infer<typeof ZAttachTenantPartner>
