import { ZPartner, ZSlug, ZUpdatePartner } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ partner: ZSlug })
// The portal edits the partner's branding only; name and contacts are the provider's business.
const ZBody = ZUpdatePartner.pick({ branding: true }).required()

export default defineEventHandler(async (event) => {
  const { partner } = await getValidatedRouterParams(event, ZParams.parse)
  const body = await readValidBody(event, ZBody)
  const updated = await callPlatformApi(event, `/partners/${partner}`, {
    method: 'PATCH',
    body,
    schema: ZPartner,
  })
  // Its customers' effective brands may have changed with it.
  forgetForAllSessions('brand:')
  return updated
})
