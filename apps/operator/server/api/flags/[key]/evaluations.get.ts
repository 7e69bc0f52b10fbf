import { ZFlagEnvironmentKey, ZFlagEvaluationCounts } from '@dezky/contracts'
import { z } from 'zod'
import { ZFlagParams } from '../../../internal/flag-params'

const ZQuery = z.object({
  environment: ZFlagEnvironmentKey.optional(),
  hours: z.coerce.number().int().min(1).max(24 * 90).optional(),
})

export default defineEventHandler(async (event) => {
  const { key } = await getValidatedRouterParams(event, ZFlagParams.parse)
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, `/flags/${key}/evaluations`, { query, schema: ZFlagEvaluationCounts })
})
