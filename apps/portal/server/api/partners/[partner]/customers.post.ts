import { ZCreateTenant, ZSlug, ZTenant } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ partner: ZSlug })
// The browser never chooses the partner: the customer belongs to the partner in the URL, and the API
// decides whether the caller may create customers for it.
const ZBody = ZCreateTenant.omit({ partnerSlug: true })

export default defineEventHandler(async (event) => {
  const { partner } = await getValidatedRouterParams(event, ZParams.parse)
  const body = await readValidBody(event, ZBody)
  const tenant = await callPlatformApi(event, '/tenants', {
    method: 'POST',
    body: { ...body, partnerSlug: partner },
    schema: ZTenant,
  })
  setResponseStatus(event, 201)
  return tenant
})
