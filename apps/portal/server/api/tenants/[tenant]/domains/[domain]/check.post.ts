import { ZDomainName, ZSlug, ZTenantDomain } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ tenant: ZSlug, domain: ZDomainName })

// A 429 (one check per domain every few seconds) keeps the API's Retry-After, which the page shows.
export default defineEventHandler(async (event) => {
  const { tenant, domain } = await getValidatedRouterParams(event, ZParams.parse)
  return callPlatformApi(event, `/tenants/${tenant}/domains/${domain}/check`, {
    method: 'POST',
    schema: ZTenantDomain,
  })
})
