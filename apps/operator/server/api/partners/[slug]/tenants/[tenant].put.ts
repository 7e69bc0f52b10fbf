import { ZSlug, ZTenant } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ slug: ZSlug, tenant: ZSlug })

// Makes the tenant a customer of this partner; whether the caller may (`tenant:partner`) is the API's decision.
export default defineEventHandler(async (event) => {
  const { slug, tenant } = await getValidatedRouterParams(event, ZParams.parse)
  return callPlatformApi(event, `/tenants/${tenant}/partner`, {
    method: 'PUT',
    body: { partnerSlug: slug },
    schema: ZTenant,
  })
})
