import { ZPartner, ZSlug } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ slug: ZSlug })

export default defineEventHandler(async (event) => {
  const { slug } = await getValidatedRouterParams(event, ZParams.parse)
  return callPlatformApi(event, `/partners/${slug}`, { schema: ZPartner })
})
