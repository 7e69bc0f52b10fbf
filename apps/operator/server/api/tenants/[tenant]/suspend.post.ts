import { ZSuspendTenant, ZTenant } from '@dezky/contracts'
import { ZTenantParams } from '../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const body = await readValidBody(event, ZSuspendTenant)
  return callPlatformApi(event, `/tenants/${tenant}/suspend`, { method: 'POST', body, schema: ZTenant })
})
