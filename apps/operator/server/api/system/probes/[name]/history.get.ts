import { ZProbeHistory, ZProbeName } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ name: ZProbeName })
const ZQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
})

export default defineEventHandler(async (event) => {
  const { name } = await getValidatedRouterParams(event, ZParams.parse)
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, `/system/probes/${name}/history`, {
    query,
    schema: ZProbeHistory,
  })
})
