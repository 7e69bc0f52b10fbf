import { ZTenantMember } from '@dezky/contracts'
import { z } from 'zod'
import { ZMemberParams } from '../../../../internal/route-params'

// The console only turns a member's access off and on (member:write); names and roles are the tenant's.
const ZMemberAccess = z.strictObject({
  active: z.boolean(),
})

export default defineEventHandler(async (event) => {
  const { tenant, userId } = await getValidatedRouterParams(event, ZMemberParams.parse)
  const body = await readValidBody(event, ZMemberAccess)
  return callPlatformApi(event, `/tenants/${tenant}/members/${userId}`, {
    method: 'PATCH',
    body,
    schema: ZTenantMember,
  })
})
