import { ZBranding, ZTenant } from '@dezky/contracts'
import { z } from 'zod'
import { ZTenantParams } from '../../../internal/route-params'

// The portal edits a tenant's own branding only; its plan, domains and name have their own pages or are
// the partner's and the provider's business.
const ZBody = z.strictObject({ branding: ZBranding })

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const body = await readValidBody(event, ZBody)
  const updated = await callPlatformApi(event, `/tenants/${tenant}`, {
    method: 'PATCH',
    body,
    schema: ZTenant,
  })
  // Every session's kept copy of this tenant's effective brand is stale now.
  forgetForAllSessions('brand:')
  return updated
})
