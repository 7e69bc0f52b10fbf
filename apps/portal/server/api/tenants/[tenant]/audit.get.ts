import { ZAuditEntry, ZPage } from '@dezky/contracts'
import { z } from 'zod'
import { ZTenantParams } from '../../../internal/route-params'

const ZRecentActivityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: z.string().max(200).optional(),
})

/** The tenant's recent audit entries, newest first, for the dashboard's activity list. */
export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const query = await getValidatedQuery(event, ZRecentActivityQuery.parse)
  return callPlatformApi(event, '/audit', {
    query: { tenant, ...query },
    schema: ZPage(ZAuditEntry),
  })
})
