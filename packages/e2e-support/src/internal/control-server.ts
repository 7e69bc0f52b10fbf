import type { DnsTwin, DnsTwinRecord, Idp } from '@dezky/twins'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppServer } from '../start-app-server'
import { once } from 'node:events'
import { createServer } from 'node:http'
import { DEMO_USERS } from '@dezky/twins'

export interface ControlTargets {
  idp: Idp
  app: AppServer
  dns?: DnsTwin
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req)
    text += chunk
  return text
    ? JSON.parse(text) as Record<string, unknown>
    : {}
}

function send(res: ServerResponse, status: number, body?: unknown) {
  res.writeHead(status, body === undefined
    ? {}
    : { 'content-type': 'application/json' })
  res.end(body === undefined
    ? undefined
    : JSON.stringify(body))
}

type Route = (req: IncomingMessage, targets: ControlTargets) => Promise<unknown>

const ROUTES: Record<string, Route> = {
  'POST /app/restart': async (_req, { app }) => app.restart(),
  'PUT /idp/access-token-ttl': async (req, { idp }) => {
    const { seconds } = await readJson(req)
    if (!Number.isInteger(seconds) || (seconds as number) < 1)
      throw new Error('seconds must be a positive integer')
    idp.setAccessTokenTtl(seconds as number)
  },
  'GET /idp/token-grants': async (_req, { idp }) => idp.tokenGrants(),
  // A spec acting as another person through the API (an operator flipping a flag), as the IdP issues it.
  'POST /idp/access-token': async (req, { idp }) => {
    const { email } = await readJson(req)
    const user = DEMO_USERS.find(candidate => candidate.email === email)
    if (!user)
      throw new Error(`no demo user with e-mail ${String(email)}`)
    return { token: await idp.issueAccessToken({ sub: user.subject }) }
  },
  'DELETE /idp/token-grants': async (_req, { idp }) => idp.resetTokenGrants(),
  'PUT /dns/records': async (req, { dns }) => {
    if (!dns)
      throw new Error('this stack runs no DNS twin (no twin ports)')
    const { records } = await readJson(req)
    dns.setRecords(records as DnsTwinRecord[])
  },
}

/**
 * Playwright runs specs in worker processes while the stack lives in the runner's (global setup), so a
 * spec reaches the stack through this loopback endpoint: see `stackControl`.
 */
export async function startControlServer(port: number, targets: ControlTargets): Promise<{ stop: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const route = ROUTES[`${req.method} ${new URL(req.url ?? '/', 'http://control').pathname}`]
    if (!route)
      return send(res, 404, { error: 'no such control route' })
    route(req, targets).then(
      result => send(res, result === undefined
        ? 204
        : 200, result),
      error => send(res, 500, { error: (error as Error).message }),
    )
  })
  server.listen(port, '127.0.0.1')
  await once(server, 'listening')
  return {
    async stop() {
      const closed = once(server, 'close')
      server.close()
      server.closeAllConnections()
      await closed
    },
  }
}
