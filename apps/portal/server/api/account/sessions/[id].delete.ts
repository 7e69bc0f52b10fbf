import { z } from 'zod'
import { requirePortalSession } from '../../../internal/sessions/require-portal-session'
import { revokeSessions } from '../../../internal/sessions/revoke-session'
import { markRevoked } from '../../../internal/sessions/revoked-here'
import { sessionKeyOf } from '../../../internal/sessions/session-index-store'
import { useSessionIndexStores } from '../../../internal/sessions/use-session-index-stores'

const ZSessionParams = z.object({
  id: z.string().regex(/^[0-9a-f]{32}$/),
})

/** Ends one of the user's other sessions. The current one ends by signing out, not here. */
export default defineEventHandler(async (event) => {
  const { id } = await getValidatedRouterParams(event, ZSessionParams.parse)
  const session = await requirePortalSession(event)
  const currentKey = sessionKeyOf(session.id)
  if (id === currentKey)
    throw createError({ statusCode: 409, statusMessage: 'This is the session you are using. Sign out to end it.' })
  const revoked = await revokeSessions(useSessionIndexStores(), {
    subject: session.subject,
    select: tracked => tracked.key === id,
    currentKey,
  })
  if (!revoked.length)
    throw createError({ statusCode: 404, statusMessage: 'Not found.' })
  revoked.forEach(tracked => markRevoked(tracked.key))
  setResponseStatus(event, 204)
  return null
})
