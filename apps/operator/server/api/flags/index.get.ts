import { FLAG_TYPES, ZFlagListItem, ZPage } from '@dezky/contracts'
import { z } from 'zod'

const ZQuery = z.object({
  q: z.string().trim().min(1).max(100).optional(),
  type: z.enum(FLAG_TYPES).optional(),
  stale: z.enum(['true', 'false']).optional(),
  archived: z.enum(['only', 'include']).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  cursor: z.string().max(512).optional(),
})

export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, '/flags', {
    query,
    schema: ZPage(ZFlagListItem),
  })
})
