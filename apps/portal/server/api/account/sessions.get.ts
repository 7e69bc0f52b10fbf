import { listSessions } from '../../internal/sessions/list-sessions'
import { requirePortalSession } from '../../internal/sessions/require-portal-session'
import { summarizeUserAgent } from '../../internal/sessions/summarize-user-agent'
import { useSessionIndexStores } from '../../internal/sessions/use-session-index-stores'

/** The signed-in user's portal sessions (never anyone else's), the current one marked. */
export default defineEventHandler(async (event) => {
  const session = await requirePortalSession(event)
  const sessions = await listSessions(useSessionIndexStores(), session.subject, session.id)
  return {
    items: sessions.map(({ userAgent, ...listed }) => ({
      ...listed,
      ...summarizeUserAgent(userAgent),
    })),
  }
})
