import type { TSearchGroup, TSearchResult } from '#shared/palette-search'
import { ZPage, ZPartner, ZTenant, ZUserSearchItem } from '@dezky/contracts'
import { z } from 'zod'

// Five of each kind is what the palette shows; more is a job for the list pages.
const LIMIT = 5

const ZSearchQuery = z.object({
  q: z.string().trim().min(1).max(100),
})

/**
 * The command palette's one request per pause in typing: tenants, partners and people matching `q`
 * (name, identifier, e-mail), asked of the API in parallel and trimmed to what the palette shows.
 */
export default defineEventHandler(async (event): Promise<TSearchResult> => {
  const { q } = await getValidatedQuery(event, ZSearchQuery.parse)
  const query = { q, limit: LIMIT }
  const [tenants, partners, users] = await Promise.allSettled([
    callPlatformApi(event, '/tenants', {
      query,
      schema: ZPage(ZTenant),
    }),
    callPlatformApi(event, '/partners', {
      query,
      schema: ZPage(ZPartner),
    }),
    callPlatformApi(event, '/users', {
      query,
      schema: ZPage(ZUserSearchItem),
    }),
  ])
  const settled = { tenants, partners, users }
  const failures = Object.values(settled).filter(result => result.status === 'rejected')
  // A lost session (401), or nothing answering at all, is the palette's error; one kind refused is not.
  const lost = failures.find(failure => (failure.reason as { statusCode?: number }).statusCode === 401)
  if (lost || failures.length === 3)
    throw (lost ?? failures[0]!).reason
  return {
    tenants: tenants.status === 'fulfilled'
      ? tenants.value.items.map(({ slug, name, status }) => ({ slug, name, status }))
      : [],
    partners: partners.status === 'fulfilled'
      ? partners.value.items.map(({ slug, name }) => ({ slug, name }))
      : [],
    users: users.status === 'fulfilled'
      ? users.value.items.map(({ id, email, name }) => ({ id, email, name }))
      : [],
    unavailable: (Object.keys(settled) as TSearchGroup[]).filter(group => settled[group].status === 'rejected'),
  }
})
