import { ZAuditEntry, ZAuditFilters, ZPage } from '@dezky/contracts'
import { z } from 'zod'

const ZQuery = ZAuditFilters.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
})

export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, '/audit', {
    query,
    schema: ZPage(ZAuditEntry),
  })
})
