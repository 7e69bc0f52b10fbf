import { ZPage, ZTenant } from '@dezky/contracts'
import { z } from 'zod'

const ZQuery = z.object({
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})

// The tenants sold directly that match a search: the ones the "attach a tenant" picker offers.
export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, '/tenants', {
    query: { ...query, direct: 'true', sort: 'name' },
    schema: ZPage(ZTenant),
  })
})
