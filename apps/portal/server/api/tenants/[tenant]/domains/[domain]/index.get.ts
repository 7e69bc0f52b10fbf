import { ZDomainName, ZSlug, ZTenantDomain } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ tenant: ZSlug, domain: ZDomainName })

export default defineEventHandler(async (event) => {
  const { tenant, domain } = await getValidatedRouterParams(event, ZParams.parse)
  return callPlatformApi(event, `/tenants/${tenant}/domains/${domain}`, { schema: ZTenantDomain })
})
