import { ZPage, ZPageQuery, ZTenantMemberListItem, ZTenantRole } from '@dezky/contracts'
import { z } from 'zod'
import { ZTenantParams } from '../../../internal/route-params'

const SORTS = [
  'email',
  '-email',
  'name',
  '-name',
  'createdAt',
  '-createdAt',
] as const

// An empty search box or filter arrives as `?q=`; it means "no filter", not an invalid value.
function blankToUndefined(value: unknown) {
  return value === ''
    ? undefined
    : value
}

const ZMembersQuery = ZPageQuery.extend({
  q: z.preprocess(blankToUndefined, z.string().trim().max(100).optional()),
  role: z.preprocess(blankToUndefined, ZTenantRole.optional()),
  sort: z.preprocess(blankToUndefined, z.enum(SORTS).optional()),
})

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const query = await getValidatedQuery(event, ZMembersQuery.parse)
  return callPlatformApi(event, `/tenants/${tenant}/members`, {
    query: { ...query, q: query.q || undefined },
    schema: ZPage(ZTenantMemberListItem),
  })
})
