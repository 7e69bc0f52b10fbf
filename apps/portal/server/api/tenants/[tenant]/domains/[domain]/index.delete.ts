import { ZDomainName, ZSlug } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ tenant: ZSlug, domain: ZDomainName })

export default defineEventHandler(async (event) => {
  const { tenant, domain } = await getValidatedRouterParams(event, ZParams.parse)
  await callPlatformApi(event, `/tenants/${tenant}/domains/${domain}`, {
    method: 'DELETE',
    schema: z.undefined(),
  })
  setResponseStatus(event, 204)
  return null
})
