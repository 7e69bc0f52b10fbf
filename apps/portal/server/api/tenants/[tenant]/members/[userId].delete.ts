import { z } from 'zod'
import { ZMemberParams } from '../../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant, userId } = await getValidatedRouterParams(event, ZMemberParams.parse)
  await callPlatformApi(event, `/tenants/${tenant}/members/${userId}`, {
    method: 'DELETE',
    schema: z.undefined(),
  })
  setResponseStatus(event, 204)
  return null
})
