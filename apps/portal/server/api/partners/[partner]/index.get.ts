import { ZPartner, ZSlug } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ partner: ZSlug })

export default defineEventHandler(async (event) => {
  const { partner } = await getValidatedRouterParams(event, ZParams.parse)
  return callPlatformApi(event, `/partners/${partner}`, { schema: ZPartner })
})
