import { OPERATOR_SORT_FIELDS, ZOperator, ZOperatorRole, ZPage, ZPageQuery } from '@dezky/contracts'
import { z } from 'zod'
import { blankToUndefined } from '../../internal/blank-to-undefined'

const OPERATOR_SORTS = OPERATOR_SORT_FIELDS.flatMap(field => [field, `-${field}`] as const)

const ZQuery = ZPageQuery.extend({
  q: z.preprocess(blankToUndefined, z.string().trim().min(1).max(100).optional()),
  role: z.preprocess(blankToUndefined, ZOperatorRole.optional()),
  sort: z.preprocess(blankToUndefined, z.enum(OPERATOR_SORTS).optional()),
})

// Every operator may read the team; the API answers it from Authentik (503 while Authentik is down).
export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, '/operators', {
    query,
    schema: ZPage(ZOperator),
  })
})
