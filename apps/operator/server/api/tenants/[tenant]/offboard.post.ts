import { ZOffboardTenant, ZTenant } from '@dezky/contracts'
import { ZTenantParams } from '../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const body = await readValidBody(event, ZOffboardTenant)
  return callPlatformApi(event, `/tenants/${tenant}/offboard`, { method: 'POST', body, schema: ZTenant })
})
