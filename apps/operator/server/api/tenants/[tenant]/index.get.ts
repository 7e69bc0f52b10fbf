import { ZTenant } from '@dezky/contracts'
import { ZTenantParams } from '../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  return callPlatformApi(event, `/tenants/${tenant}`, { schema: ZTenant })
})
