import { ZPasswordResetSent } from '@dezky/contracts'
import { ZMemberParams } from '../../../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant, userId } = await getValidatedRouterParams(event, ZMemberParams.parse)
  const sent = await callPlatformApi(event, `/tenants/${tenant}/members/${userId}/password-reset`, {
    method: 'POST',
    schema: ZPasswordResetSent,
  })
  setResponseStatus(event, 202)
  return sent
})
