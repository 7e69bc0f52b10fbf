import { ZProvisioningStepName, ZSlug } from '@dezky/contracts'
import { z } from 'zod'

/** `/api/tenants/[tenant]/…`: the tenant's slug, checked before it becomes part of an API path. */
export const ZTenantParams = z.object({ tenant: ZSlug })

/** `/api/tenants/[tenant]/members/[userId]` */
export const ZMemberParams = ZTenantParams.extend({
  userId: z.uuid(),
})

/** `/api/tenants/[tenant]/provisioning/[step]/retry` */
export const ZStepParams = ZTenantParams.extend({ step: ZProvisioningStepName })
