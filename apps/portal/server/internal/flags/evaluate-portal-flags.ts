import type { H3Event } from 'h3'
import { OpenFeature } from '@openfeature/server-sdk'
import { withFlagRequest } from './request-bulk-evaluation'

/** The OpenFeature domain the portal's provider is bound to (see server/plugins/feature-flags.ts). */
export const PORTAL_FLAGS_DOMAIN = 'dezky-portal'

export interface PortalFlagsContext {
  /** The IdP subject of the signed-in user (the API maps it to the Dezky user id). */
  subject: string
  /** The tenant the page is about (`/t/:tenant`), when there is one. */
  tenant?: string
  locale?: string
}

/**
 * Every portal flag (PORTAL_FLAG_DEFAULTS) for the signed-in user, through the OpenFeature client: one
 * OFREP bulk call answers them all. Never throws for an evaluation failure: a flag that cannot be
 * evaluated has its default value.
 *
 * The API reads `userId`, `tenant` and `partner` from the caller's token and checks the tenant; what is
 * sent here picks the tenant and adds attributes (appName, locale) that targeting rules may read.
 */
export async function evaluatePortalFlags(event: H3Event, { subject, tenant, locale }: PortalFlagsContext): Promise<TPortalFlags['flags']> {
  const client = OpenFeature.getClient(PORTAL_FLAGS_DOMAIN)
  const context = {
    targetingKey: subject,
    appName: 'portal',
    ...(tenant && { tenant }),
    ...(locale && { locale }),
  }
  return withFlagRequest(event, async () => {
    const entries = await Promise.all(PORTAL_FLAG_KEYS.map(async (key) => {
      const details = await client.getBooleanDetails(key, PORTAL_FLAG_DEFAULTS[key], context)
      return [
        key,
        { value: details.value, variant: details.variant ?? null },
      ] as const
    }))
    return Object.fromEntries(entries)
  })
}
