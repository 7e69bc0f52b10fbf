import { ZEffectiveBrand, ZSlug } from '@dezky/contracts'
import { z } from 'zod'

const ZParams = z.object({ tenant: ZSlug })

export default defineEventHandler(async (event) => {
  const { tenant } = await getValidatedRouterParams(event, ZParams.parse)
  // Asked on every server-rendered page of the tenant area; a brand changes rarely. Kept per session for
  // 30 s, forgotten at once when a partner changes its branding through this portal.
  return rememberForSession(event, `brand:${tenant}`, 30_000, () => callPlatformApi(event, `/tenants/${tenant}/brand`, { schema: ZEffectiveBrand }))
})
