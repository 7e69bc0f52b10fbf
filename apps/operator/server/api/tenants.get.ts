import { ZPage, ZPageQuery, ZPlan, ZProvisioningHealth, ZSlug, ZTenantListItem, ZTenantStatus } from '@dezky/contracts'
import { z } from 'zod'
import { TENANT_LIST_SORTS } from '#shared/tenant-list'
import { blankToUndefined } from '../internal/blank-to-undefined'

// Replaces the layer's `/api/tenants` (Nitro registers the first handler of a route and method, and the
// app's server directory is scanned before its layers'): the console filters and sorts the list.
const ZTenantListQuery = ZPageQuery.extend({
  q: z.preprocess(blankToUndefined, z.string().trim().min(1).max(100).optional()),
  status: z.preprocess(blankToUndefined, ZTenantStatus.optional()),
  plan: z.preprocess(blankToUndefined, ZPlan.optional()),
  partner: z.preprocess(blankToUndefined, ZSlug.optional()),
  direct: z.preprocess(blankToUndefined, z.enum(['true']).optional()),
  health: z.preprocess(blankToUndefined, ZProvisioningHealth.optional()),
  sort: z.preprocess(blankToUndefined, z.enum(TENANT_LIST_SORTS).optional()),
})

export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZTenantListQuery.parse)
  return callPlatformApi(event, '/tenants', {
    query,
    schema: ZPage(ZTenantListItem),
  })
})
