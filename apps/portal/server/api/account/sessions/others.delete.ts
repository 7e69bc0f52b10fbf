import { requirePortalSession } from '../../../internal/sessions/require-portal-session'
import { revokeSessions } from '../../../internal/sessions/revoke-session'
import { markRevoked } from '../../../internal/sessions/revoked-here'
import { sessionKeyOf } from '../../../internal/sessions/session-index-store'
import { useSessionIndexStores } from '../../../internal/sessions/use-session-index-stores'

/** "Sign out other sessions": every session of the user but this one. */
export default defineEventHandler(async (event) => {
  const session = await requirePortalSession(event)
  const revoked = await revokeSessions(useSessionIndexStores(), {
    subject: session.subject,
    select: () => true,
    currentKey: sessionKeyOf(session.id),
  })
  revoked.forEach(tracked => markRevoked(tracked.key))
  return { revoked: revoked.length }
})
