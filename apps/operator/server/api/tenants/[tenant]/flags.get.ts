import { ZFlagEnvironmentKey, ZTenantFlags } from '@dezky/contracts'
import { z } from 'zod'
import { ZTenantParams } from '../../../internal/route-params'

const ZQuery = z.object({
  environment: ZFlagEnvironmentKey.optional(),
})

// Every flag as the tenant sees it, with the engine's decision (the page turns it into a sentence).
export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZTenantParams.parse)
  const query = await getValidatedQuery(event, ZQuery.parse)
  return callPlatformApi(event, `/tenants/${tenant}/flags`, { query, schema: ZTenantFlags })
})
