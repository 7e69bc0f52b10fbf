import { ZPage, ZPageQuery, ZTenant } from '@dezky/contracts'

export default defineEventHandler(async (event) => {
  const query = await getValidatedQuery(event, ZPageQuery.parse)
  return callPlatformApi(event, '/tenants', {
    query,
    schema: ZPage(ZTenant),
  })
})
