import type { TPlan } from './tenants'

export interface PlanLimits {
  /** Members a tenant may have. */
  maxUsers: number
  /** Each mailbox's quota, bytes. */
  mailboxBytes: number
  /** The tenant's file space quota, bytes. */
  storageBytes: number
  /** Domains a tenant may have (each one is a mail domain with its own DKIM keys). */
  maxDomains: number
}

const GiB = 1024 ** 3

/**
 * What each plan buys. Stalwart's open edition has no per-tenant quota (`x:Tenant` is Enterprise), so
 * the platform applies these itself: per mailbox in Stalwart, per space in OCIS, user count in the API.
 */
export const PLAN_LIMITS: Record<TPlan, PlanLimits> = {
  starter: {
    maxUsers: 10,
    mailboxBytes: 5 * GiB,
    storageBytes: 50 * GiB,
    maxDomains: 3,
  },
  business: {
    maxUsers: 100,
    mailboxBytes: 25 * GiB,
    storageBytes: 500 * GiB,
    maxDomains: 20,
  },
  enterprise: {
    maxUsers: 5_000,
    mailboxBytes: 100 * GiB,
    storageBytes: 5_000 * GiB,
    maxDomains: 100,
  },
}
