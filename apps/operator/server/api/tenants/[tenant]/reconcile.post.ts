import { ZProvisioning } from '@dezky/contracts'
import { ZTenantParams } from '../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  setResponseStatus(event, 202)
  return callPlatformApi(event, `/tenants/${tenant}/reconcile`, {
    method: 'POST',
    schema: ZProvisioning,
  })
})
