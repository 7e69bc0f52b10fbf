import { CUSTOMER_SORTS, TENANT_STATUSES, ZPage, ZPageQuery, ZPartnerCustomer, ZSlug } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ slug: ZSlug })
const ZQuery = ZPageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  status: z.enum(TENANT_STATUSES).optional(),
  sort: z.enum(CUSTOMER_SORTS).optional(),
})

export default defineEventHandler(async (event) => {
  const { slug } = await getValidatedRouterParams(event, ZParams.parse)
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, `/partners/${slug}/customers`, {
    query,
    schema: ZPage(ZPartnerCustomer),
  })
})
