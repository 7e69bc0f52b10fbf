import type { SmtpTwin } from './start-smtp-twin'
import { once } from 'node:events'
import { connect } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSmtpTwin } from './start-smtp-twin'

/** A minimal SMTP client: sends each command, returns every reply line (the twins package has no nodemailer). */
async function converse(port: number, commands: string[]): Promise<string[]> {
  const socket = connect(port, '127.0.0.1')
  socket.setEncoding('utf8')
  const replies: string[] = []
  let buffer = ''
  let waiting: (() => void) | undefined
  socket.on('data', (chunk: string) => {
    buffer += chunk
    const lines = buffer.split('\r\n')
    buffer = lines.pop()!
    for (const line of lines) {
      replies.push(line)
      if (/^\d{3} /.test(line))
        waiting?.()
    }
  })
  const reply = () => new Promise<void>((resolve) => {
    waiting = resolve
  })
  await Promise.all([
    once(socket, 'connect'),
    reply(),
  ])
  for (const command of commands) {
    const next = reply()
    socket.write(`${command}\r\n`)
    await next
  }
  socket.end()
  return replies
}

const MESSAGE = [
  'From: Dezky <noreply@dezky.test>',
  'To: ana@acme.test',
  'Subject: <b>Olá</b>',
  'Message-ID: <m1@dezky.test>',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Bem-vinda <script>alert(1)</script>',
  '.',
].join('\r\n')

function send(twin: SmtpTwin, auth: string[] = []) {
  return converse(twin.smtpPort, [
    'EHLO test',
    ...auth,
    'MAIL FROM:<noreply@dezky.test>',
    'RCPT TO:<ana@acme.test>',
    'DATA',
    MESSAGE,
    'QUIT',
  ])
}

describe('smtp twin', () => {
  let twin: SmtpTwin
  beforeAll(async () => {
    twin = await startSmtpTwin()
  })
  beforeEach(() => {
    twin.clearMessages()
    twin.resetWrites()
    twin.setFailures({})
  })
  afterAll(() => twin.stop())

  it('captures and parses a message, counts it as a write and lists it over HTTP', async () => {
    const replies = await send(twin)
    expect(replies.some(line => line.startsWith('250 OK'))).toBe(true)
    const [message] = twin.messages()
    expect(message).toMatchObject({
      from: 'noreply@dezky.test',
      to: ['ana@acme.test'],
      subject: '<b>Olá</b>',
      messageId: '<m1@dezky.test>',
      envelope: {
        to: ['ana@acme.test'],
      },
    })
    expect(message!.text).toContain('Bem-vinda')
    expect(twin.writes().byKind).toEqual({ 'smtp.message': 1 })
    const listed = await (await fetch(`${twin.url}/messages`)).json() as unknown[]
    expect(listed).toHaveLength(1)
    const page = await (await fetch(`${twin.url}/`)).text()
    expect(page).toContain('&lt;b&gt;Olá&lt;/b&gt;')
    expect(page).not.toContain('<script>')
    expect((await fetch(`${twin.url}/messages`, { method: 'DELETE' })).status).toBe(204)
    expect(twin.messages()).toEqual([])
  })

  it('answers temporary and permanent failures when switched on, without capturing', async () => {
    twin.setFailures({ rate: 1, code: 451 })
    expect((await send(twin)).some(line => line.startsWith('451 '))).toBe(true)
    const put = await fetch(`${twin.url}/failures`, {
      method: 'PUT',
      body: JSON.stringify({ rate: 1, code: 550 }),
    })
    expect(put.status).toBe(200)
    expect((await send(twin)).some(line => line.startsWith('550 '))).toBe(true)
    expect(twin.messages()).toEqual([])
    expect(twin.writes().total).toBe(0)
  })
})

describe('smtp twin with AUTH', () => {
  it('requires the configured credentials', async () => {
    const twin = await startSmtpTwin({
      auth: { user: 'mailer', password: 's3cret' },
    })
    try {
      const refused = await send(twin)
      expect(refused.some(line => line.startsWith('530 '))).toBe(true)
      const plain = Buffer.from('\0mailer\0s3cret').toString('base64')
      const accepted = await send(twin, [`AUTH PLAIN ${plain}`])
      expect(accepted.some(line => line.startsWith('235 '))).toBe(true)
      expect(twin.messages()[0]!.user).toBe('mailer')
      expect(twin.smtpUrl).toMatch(/^smtp:\/\/mailer:s3cret@127\.0\.0\.1:\d+$/)
    }
    finally {
      await twin.stop()
    }
  })
})
