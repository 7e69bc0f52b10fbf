import { z } from 'zod'

/**
 * The feature flags the portal's pages read, each with the value it takes when the flag is unknown to
 * the platform or cannot be evaluated (API down, session gone): a page never fails over a flag. The BFF
 * evaluates exactly these and nothing else, so the browser learns no other flag (nor any rule).
 */
export const PORTAL_FLAG_DEFAULTS = {
  /** The "Get started" checklist on the tenant dashboard (issue 6). */
  'portal.setup-checklist': false,
} as const satisfies Record<string, boolean>

export type TPortalFlagKey = keyof typeof PORTAL_FLAG_DEFAULTS

export const PORTAL_FLAG_KEYS = Object.keys(PORTAL_FLAG_DEFAULTS) as TPortalFlagKey[]

/** `GET /api/flags`: each portal flag's value and variant for the signed-in user (and tenant). */
export const ZPortalFlags = z.object({
  flags: z.record(z.string(), z.object({
    value: z.boolean(),
    variant: z.string().nullable(),
  })),
  /** The answer's ETag, sent back as If-None-Match when the flags may have changed. */
  etag: z.string(),
})
export type TPortalFlags = z.infer<typeof ZPortalFlags>
