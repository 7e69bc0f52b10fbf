import { z } from 'zod'

const ZParams = z.object({
  id: z.uuid(),
})

// Takes the person off the team; their Authentik user stays (the API never deletes it).
export default defineEventHandler(async (event) => {
  const { id } = await getValidatedRouterParams(event, ZParams.parse)
  await callPlatformApi(event, `/operators/${id}`, {
    method: 'DELETE',
    schema: z.undefined(),
  })
  setResponseStatus(event, 204)
  return null
})
