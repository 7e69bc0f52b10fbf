import { ZOperator, ZUpdateOperator } from '@dezky/contracts'
import { z } from 'zod'

/** The Authentik user's uuid, checked before it becomes part of an API path. */
const ZParams = z.object({
  id: z.uuid(),
})

export default defineEventHandler(async (event) => {
  const { id } = await getValidatedRouterParams(event, ZParams.parse)
  const body = await readValidBody(event, ZUpdateOperator)
  return callPlatformApi(event, `/operators/${id}`, {
    method: 'PATCH',
    body,
    schema: ZOperator,
  })
})
