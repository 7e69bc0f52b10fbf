import { ZSlug, ZTenantDomainList } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ tenant: ZSlug })

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZParams.parse)
  return callPlatformApi(event, `/tenants/${tenant}/domains`, { schema: ZTenantDomainList })
})
