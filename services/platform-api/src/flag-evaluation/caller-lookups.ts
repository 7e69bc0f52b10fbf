import type { Database } from '../db/client'
import { eq } from 'drizzle-orm'
import { partners, tenants, users } from '../db/schema'

export interface TenantFacts { slug: string, partnerSlug: string | null, plan: string }

export interface CallerLookups {
  /** The Dezky user id of a token subject (null before the person's first sign-in). */
  userId: (subject: string) => Promise<string | null>
  tenant: (slug: string) => Promise<TenantFacts | null>
}

/**
 * The facts an evaluation context needs about its caller, cached for a few seconds: an OFREP call is on
 * every portal page view, and a user's id or a tenant's partner and plan change rarely. A tenant moved to
 * another partner is evaluated under the new one within `ttlMs`.
 */
export function createCallerLookups(db: Database, ttlMs = 5_000, maxEntries = 10_000): CallerLookups {
  const cache = new Map<string, { at: number, value: Promise<unknown> }>()

  function remember<T>(key: string, read: () => Promise<T>): Promise<T> {
    const now = Date.now()
    const hit = cache.get(key)
    if (hit && now - hit.at < ttlMs)
      return hit.value as Promise<T>
    const value = read()
    cache.delete(key)
    cache.set(key, { at: now, value })
    // Oldest first: Map keeps insertion order, and a refreshed key was re-inserted at the end.
    if (cache.size > maxEntries)
      cache.delete(cache.keys().next().value!)
    value.catch(() => cache.delete(key))
    return value
  }

  return {
    userId: subject => remember(`user:${subject}`, async () => {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.subject, subject))
      return row?.id ?? null
    }),
    tenant: slug => remember(`tenant:${slug}`, async () => {
      const [row] = await db.select({ slug: tenants.slug, plan: tenants.plan, partnerSlug: partners.slug })
        .from(tenants)
        .leftJoin(partners, eq(partners.id, tenants.partnerId))
        .where(eq(tenants.slug, slug))
      return row ?? null
    }),
  }
}
