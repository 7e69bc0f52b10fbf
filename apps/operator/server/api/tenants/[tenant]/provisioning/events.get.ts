import { ZTenantParams } from '../../../../internal/route-params'

// EventSource cannot send the bearer token, so the browser opens this route with its session cookie.
export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  await streamPlatformApi(event, `/tenants/${tenant}/provisioning/events`)
})
