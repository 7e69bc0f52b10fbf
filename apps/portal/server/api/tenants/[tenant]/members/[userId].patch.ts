import { ZTenantMember, ZUpdateTenantMember } from '@dezky/contracts'
import { ZMemberParams } from '../../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant, userId } = await getValidatedRouterParams(event, ZMemberParams.parse)
  const body = await readValidBody(event, ZUpdateTenantMember)
  return callPlatformApi(event, `/tenants/${tenant}/members/${userId}`, {
    method: 'PATCH',
    body,
    schema: ZTenantMember,
  })
})
