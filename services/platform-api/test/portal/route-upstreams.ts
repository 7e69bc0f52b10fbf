import type { Idp, SmtpTwin } from '@dezky/twins'
import type { Database } from '../../src/db/client'
import { startIdp, startSmtpTwin } from '@dezky/twins'
import { desc, eq } from 'drizzle-orm'
import { tenantMemberships, users } from '../../src/db/schema'

export interface RouteUpstreams {
  /** Pass as the IdP of `createTestApi`: its Authentik API is the one the env points at. */
  idp: Idp
  smtp: SmtpTwin
  /** AUTHENTIK_URL, AUTHENTIK_TOKEN and SMTP_URL for `createTestApi`. */
  env: Record<string, string>
  stop: () => Promise<void>
}

let current: RouteUpstreams | undefined

/**
 * The upstreams that routes answering synchronously from them need in the route-driven suites (a
 * password reset asks Authentik for a link and mails it): an IdP with its Authentik API and an SMTP
 * capture. {@link preparePortalRoute} then makes the member a route is called for exist in Authentik.
 */
export async function startRouteUpstreams(): Promise<RouteUpstreams> {
  const idp = await startIdp({ port: 0 })
  const smtp = await startSmtpTwin()
  current = {
    idp,
    smtp,
    env: {
      AUTHENTIK_URL: new URL(idp.authentik.url).origin,
      AUTHENTIK_TOKEN: idp.authentik.apiToken,
      SMTP_URL: smtp.smtpUrl,
    },
    stop: async () => {
      current = undefined
      await Promise.all([
        idp.stop(),
        smtp.stop(),
      ])
    },
  }
  return current
}

/**
 * A password reset needs the member's Authentik user, which the reconciler would have made: the member
 * the suite just added to the tenant (its newest) gets one, when the suite started the upstreams.
 */
export async function preparePortalRoute(db: Database, routePath: string, tenantId: string): Promise<void> {
  if (!routePath.endsWith('/password-reset') || !current)
    return
  const [member] = await db.select({ email: users.email, name: users.name }).from(tenantMemberships).innerJoin(users, eq(users.id, tenantMemberships.userId)).where(eq(tenantMemberships.tenantId, tenantId)).orderBy(desc(tenantMemberships.createdAt)).limit(1)
  const username = member!.email.toLowerCase()
  if (current.idp.authentik.users().some(user => user.username === username))
    return
  const response = await fetch(`${current.idp.authentik.url}/core/users/`, {
    method: 'POST',
    headers: { 'authorization': `Bearer ${current.idp.authentik.apiToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      username,
      name: member!.name,
      email: member!.email,
      path: 'dezky',
    }),
  })
  if (response.status !== 201)
    throw new Error(`creating ${username} in the Authentik twin answered ${response.status}: ${await response.text()}`)
}
