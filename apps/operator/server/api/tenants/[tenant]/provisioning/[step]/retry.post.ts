import { ZProvisioning } from '@dezky/contracts'
import { ZStepParams } from '../../../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant, step } = await getValidatedRouterParams(event, ZStepParams.parse)
  setResponseStatus(event, 202)
  return callPlatformApi(event, `/tenants/${tenant}/provisioning/${step}/retry`, {
    method: 'POST',
    schema: ZProvisioning,
  })
})
