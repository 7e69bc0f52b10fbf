import type { AddressInfo } from 'node:net'
import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server'
import type { TwinServer } from '../kit/start-twin-server'
import type { CapturedMessage } from './captured-message'
import type { SmtpFailures, SmtpFailuresInput } from './smtp-failures'
import { once } from 'node:events'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { readJson, sendEmpty, sendJson } from '../kit/json'
import { startTwinServer } from '../kit/start-twin-server'
import { toCapturedMessage } from './captured-message'
import { renderMessagesPage } from './messages-page'
import { drawSmtpFailure, ZSmtpFailures } from './smtp-failures'

export interface SmtpTwinOptions {
  /** SMTP port; 0 (the default) picks a free one. */
  smtpPort?: number
  /** HTTP port of the inspection side; 0 (the default) picks a free one. */
  httpPort?: number
  host?: string
  /** When set, clients must AUTH PLAIN/LOGIN with these; otherwise AUTH is not offered. */
  auth?: { user: string, password: string }
}

export interface SmtpTwin extends TwinServer {
  /** `smtp://<host>:<port>` (add credentials when `auth` is set). */
  smtpUrl: string
  smtpPort: number
  messages: () => CapturedMessage[]
  clearMessages: () => void
  failures: () => SmtpFailures
  setFailures: (input: SmtpFailuresInput) => SmtpFailures
}

/**
 * Starts an SMTP capture server on loopback (any sender and recipient) that stores each accepted message
 * parsed, plus an HTTP side (with the kit's `/__twin/` admin endpoints) to read them:
 * `GET /messages` (JSON), `GET /` (an HTML list), `DELETE /messages`, `GET|PUT /failures`. Each accepted
 * message counts as one write (`smtp.message`).
 *
 * @example
 * const smtp = await startSmtpTwin()
 * await nodemailer.createTransport(smtp.smtpUrl).sendMail({ from: 'a@x.test', to: 'b@x.test', text: 'hi' })
 * smtp.messages()[0].to // ['b@x.test']
 */
export async function startSmtpTwin(options: SmtpTwinOptions = {}): Promise<SmtpTwin> {
  const host = options.host ?? '127.0.0.1'
  const messages: CapturedMessage[] = []
  let failures = ZSmtpFailures.parse({})
  let nextId = 1
  const http = await startTwinServer({
    name: 'smtp',
    port: options.httpPort,
    host,
    errorBody: (status, message) => ({ error: message, status }),
    state: () => ({ messages, failures }),
    async handle(req, res, ctx) {
      const path = ctx.url.pathname
      if (path === '/' && req.method === 'GET') {
        const page = renderMessagesPage(messages)
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': 'default-src \'none\'; style-src \'unsafe-inline\'' })
        res.end(page)
        return
      }
      if (path === '/messages' && req.method === 'GET')
        return sendJson(res, 200, messages)
      if (path === '/messages' && req.method === 'DELETE') {
        messages.length = 0
        return sendEmpty(res, 204)
      }
      if (path === '/failures' && req.method === 'GET')
        return sendJson(res, 200, failures)
      if (path === '/failures' && req.method === 'PUT') {
        const parsed = ZSmtpFailures.safeParse(await readJson(req))
        if (!parsed.success)
          return sendJson(res, 400, { error: 'invalid failures', issues: parsed.error.issues })
        failures = parsed.data
        return sendJson(res, 200, failures)
      }
      sendJson(res, 404, { error: `no ${req.method} ${path} on the smtp twin` })
    },
  })

  async function onData(stream: SMTPServerDataStream, session: SMTPServerSession, done: (error?: Error | null) => void) {
    const chunks: Buffer[] = []
    for await (const chunk of stream)
      chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks)
    const failure = drawSmtpFailure(failures)
    if (failure)
      return done(failure)
    const parsed = await simpleParser(raw)
    messages.push(toCapturedMessage({
      id: nextId++,
      parsed,
      envelope: {
        from: session.envelope.mailFrom
          ? session.envelope.mailFrom.address
          : undefined,
        to: session.envelope.rcptTo.map(recipient => recipient.address),
      },
      size: raw.length,
      user: typeof session.user === 'string'
        ? session.user
        : undefined,
    }))
    http.countWrite('smtp.message')
    done()
  }

  const smtp = new SMTPServer({
    secure: false,
    logger: false,
    banner: 'Dezky SMTP capture twin',
    disabledCommands: options.auth
      ? ['STARTTLS']
      : ['STARTTLS', 'AUTH'],
    authMethods: ['PLAIN', 'LOGIN'],
    authOptional: !options.auth,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.password)
        return callback(null, { user: auth.username })
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onData(stream, session, callback) {
      onData(stream, session, callback).catch(error => callback(error as Error))
    },
  })
  smtp.listen(options.smtpPort ?? 0, host)
  await once(smtp.server, 'listening')
  const smtpPort = (smtp.server.address() as AddressInfo).port
  const credentials = options.auth
    ? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.password)}@`
    : ''

  return {
    ...http,
    smtpUrl: `smtp://${credentials}${host}:${smtpPort}`,
    smtpPort,
    messages: () => [...messages],
    clearMessages: () => {
      messages.length = 0
    },
    failures: () => failures,
    setFailures: (input) => {
      failures = ZSmtpFailures.parse(input)
      return failures
    },
    async stop() {
      await new Promise<void>(resolve => smtp.close(() => resolve()))
      await http.stop()
    },
  }
}
