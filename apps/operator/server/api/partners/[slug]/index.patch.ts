import { ZPartner, ZSlug, ZUpdatePartner } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ slug: ZSlug })

// Name, branding and contacts: the operator console edits everything the API lets a partner's editor change.
export default defineEventHandler(async (event) => {
  const { slug } = await getValidatedRouterParams(event, ZParams.parse)
  const body = await readValidBody(event, ZUpdatePartner)
  return callPlatformApi(event, `/partners/${slug}`, {
    method: 'PATCH',
    body,
    schema: ZPartner,
  })
})
