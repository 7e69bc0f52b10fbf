import { ZResumeTenant, ZTenant } from '@dezky/contracts'
import { ZTenantParams } from '../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const body = await readValidBody(event, ZResumeTenant)
  return callPlatformApi(event, `/tenants/${tenant}/resume`, { method: 'POST', body, schema: ZTenant })
})
