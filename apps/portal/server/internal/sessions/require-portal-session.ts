import type { H3Event } from 'h3'
import type { PortalSession } from './read-portal-session'
import { readPortalSession } from './read-portal-session'

/** The signed-in session of this request, or 401 (the page then sends the user to sign in). */
export async function requirePortalSession(event: H3Event): Promise<PortalSession> {
  const session = await readPortalSession(event)
  if (!session)
    throw createError({ statusCode: 401, statusMessage: 'Unauthorized', message: 'Your session has expired. Please sign in again.' })
  return session
}
