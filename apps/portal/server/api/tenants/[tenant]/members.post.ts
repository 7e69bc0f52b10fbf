import { ZCreateTenantMember, ZTenantMember } from '@dezky/contracts'
import { ZTenantParams } from '../../../internal/route-params'

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const body = await readValidBody(event, ZCreateTenantMember)
  const member = await callPlatformApi(event, `/tenants/${tenant}/members`, {
    method: 'POST',
    body,
    schema: ZTenantMember,
  })
  setResponseStatus(event, 201)
  return member
})
