import { createHash } from 'node:crypto'
import { ZSlug } from '@dezky/contracts'
import { z } from 'zod'
import { evaluatePortalFlags } from '../../internal/flags/evaluate-portal-flags'
import { requirePortalSession } from '../../internal/sessions/require-portal-session'

const ZFlagsQuery = z.object({
  tenant: ZSlug.optional(),
  locale: z.string().regex(/^[a-z]{2}(?:-[A-Z]{2})?$/).optional(),
})

/**
 * The portal's flags (value and variant, no rule) for the signed-in user on a tenant's pages. Answers 200
 * with the defaults when the evaluation fails. The ETag lets the browser re-ask cheaply after each
 * `flags.changed` (304 when nothing it sees changed).
 */
export default defineEventHandler(async (event) => {
  const { tenant, locale } = await getValidatedQuery(event, ZFlagsQuery.parse)
  const { subject } = await requirePortalSession(event)
  const flags = await evaluatePortalFlags(event, { subject, tenant, locale })
  const etag = `W/"${createHash('sha256').update(JSON.stringify(flags)).digest('base64url').slice(0, 27)}"`
  setResponseHeaders(event, {
    'etag': etag,
    'cache-control': 'private, no-cache',
  })
  if (getRequestHeader(event, 'if-none-match') === etag) {
    setResponseStatus(event, 304)
    return null
  }
  return { flags, etag } satisfies TPortalFlags
})
