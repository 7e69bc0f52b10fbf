import { ZPage, ZPageQuery, ZPartner } from '@dezky/contracts'
import { z } from 'zod'

const ZQuery = ZPageQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
})

export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, '/partners', {
    query,
    schema: ZPage(ZPartner),
  })
})
