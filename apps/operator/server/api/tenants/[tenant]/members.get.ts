import { ZPage, ZPageQuery, ZTenantMemberListItem, ZTenantRole } from '@dezky/contracts'
import { z } from 'zod'
import { blankToUndefined } from '../../../internal/blank-to-undefined'
import { ZTenantParams } from '../../../internal/route-params'

const SORTS = [
  'email',
  '-email',
  'name',
  '-name',
  'createdAt',
  '-createdAt',
] as const

const ZMembersQuery = ZPageQuery.extend({
  q: z.preprocess(blankToUndefined, z.string().trim().min(1).max(100).optional()),
  role: z.preprocess(blankToUndefined, ZTenantRole.optional()),
  sort: z.preprocess(blankToUndefined, z.enum(SORTS).optional()),
})

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const query = await getValidatedQuery(event, ZMembersQuery.parse)
  return callPlatformApi(event, `/tenants/${tenant}/members`, {
    query,
    schema: ZPage(ZTenantMemberListItem),
  })
})
