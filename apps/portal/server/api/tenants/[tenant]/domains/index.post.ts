import { ZAddTenantDomain, ZSlug, ZTenantDomain } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ tenant: ZSlug })

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZParams.parse)
  const body = await readValidBody(event, ZAddTenantDomain)
  const domain = await callPlatformApi(event, `/tenants/${tenant}/domains`, {
    method: 'POST',
    body,
    schema: ZTenantDomain,
  })
  setResponseStatus(event, 201)
  return domain
})
