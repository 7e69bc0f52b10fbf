import { ZAuditEntry, ZPage } from '@dezky/contracts'
import { z } from 'zod'
import { ZTenantParams } from '../../../internal/route-params'

const ZTenantAuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
})

/** This tenant's audit entries, newest first, a page at a time. */
export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const query = await getValidatedQuery(event, ZTenantAuditQuery.parse)
  return callPlatformApi(event, '/audit', {
    query: { tenant, ...query },
    schema: ZPage(ZAuditEntry),
  })
})
