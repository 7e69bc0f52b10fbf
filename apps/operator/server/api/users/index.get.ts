import { USER_SORT_FIELDS, ZPage, ZPageQuery, ZUserSearchItem } from '@dezky/contracts'
import { z } from 'zod'
import { blankToUndefined } from '../../internal/blank-to-undefined'

/** A field ascending, or `-field` descending, as the API reads `sort`. */
const USER_SORTS = USER_SORT_FIELDS.flatMap(field => [field, `-${field}`] as const)

// Blanks alone are no search (a box holding a space), not an invalid one.
function trimmedOrUndefined(value: unknown) {
  return blankToUndefined(typeof value === 'string'
    ? value.trim()
    : value)
}

const ZUserSearchQuery = ZPageQuery.extend({
  q: z.preprocess(trimmedOrUndefined, z.string().max(100).optional()),
  sort: z.preprocess(blankToUndefined, z.enum(USER_SORTS).optional()),
})

export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZUserSearchQuery.parse)
  return callPlatformApi(event, '/users', {
    query,
    schema: ZPage(ZUserSearchItem),
  })
})
