import { ZSlug, ZTenant } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ slug: ZSlug, tenant: ZSlug })

// Detaches a customer from its partner: it becomes a tenant sold directly. The page offers it only on the
// partner's own customer list; the API detaches from whichever partner the tenant has.
export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZParams.parse)
  return callPlatformApi(event, `/tenants/${tenant}/partner`, {
    method: 'DELETE',
    schema: ZTenant,
  })
})
