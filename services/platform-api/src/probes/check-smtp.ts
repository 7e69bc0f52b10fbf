import type { Socket } from 'node:net'
import { CheckFailure } from './check-outcome'
import { connectTcp } from './connect-tcp'
import { shortError } from './short-error'

export interface SmtpCheck {
  host: string
  port: number
  /** `smtps://`: TLS from the first byte. */
  tls: boolean
  signal: AbortSignal
}

/**
 * TCP (or TLS) connect, then the server's greeting must be a 220 reply (RFC 5321 §4.2; a multi-line
 * greeting ends at the line whose code is followed by a space). Says QUIT and closes: nothing is sent.
 */
export async function checkSmtp({ host, port, tls, signal }: SmtpCheck): Promise<void> {
  const socket = await connectTcp(host, port, signal, { tls })
  try {
    const greeting = await readReply(socket, signal)
    if (!greeting.startsWith('220'))
      throw new CheckFailure('greeting', `greeting ${greeting.slice(0, 120)}`)
    socket.end('QUIT\r\n')
  }
  finally {
    socket.destroySoon()
  }
}

function readReply(socket: Socket, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = ''
    function done(error?: CheckFailure, reply?: string) {
      signal.removeEventListener('abort', onAbort)
      socket.off('data', onData)
      socket.off('error', onError)
      socket.off('end', onEnd)
      if (error)
        reject(error)
      else resolve(reply!)
    }
    function onAbort() {
      done(new CheckFailure('greeting', 'no greeting within the timeout'))
    }
    function onError(error: Error) {
      done(new CheckFailure('greeting', shortError(error)))
    }
    function onEnd() {
      done(new CheckFailure('greeting', 'closed before the greeting'))
    }
    function onData(chunk: Buffer) {
      buffered += chunk.toString('latin1')
      // The reply is complete at its first CRLF-terminated line that is not a `220-` continuation.
      const final = buffered.split('\r\n').slice(0, -1).find(line => /^\d{3}(?: |$)/.test(line))
      if (final !== undefined)
        done(undefined, final)
      else if (buffered.length > 4096)
        done(new CheckFailure('greeting', 'greeting too long'))
    }
    if (signal.aborted)
      return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    socket.on('data', onData)
    socket.once('error', onError)
    socket.once('end', onEnd)
  })
}
