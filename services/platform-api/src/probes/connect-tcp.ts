import type { Socket } from 'node:net'
import { connect } from 'node:net'
import { connect as connectTls } from 'node:tls'
import { CheckFailure } from './check-outcome'
import { shortError } from './short-error'

/**
 * Opens a TCP (or TLS) connection, or fails with phase `tcp` when it is refused, unreachable or not done
 * before `signal` aborts. The caller owns the socket.
 */
export function connectTcp(host: string, port: number, signal: AbortSignal, options: { tls?: boolean } = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal.aborted)
      return reject(new CheckFailure('tcp', `no connection to ${host}:${port} within the timeout`))
    const socket = options.tls
      ? connectTls({ host, port, servername: host })
      : connect({ host, port })
    const fail = (message: string) => {
      socket.destroy()
      reject(new CheckFailure('tcp', message))
    }
    const onAbort = () => fail(`no connection to ${host}:${port} within the timeout`)
    signal.addEventListener('abort', onAbort, { once: true })
    socket.once(options.tls ? 'secureConnect' : 'connect', () => {
      signal.removeEventListener('abort', onAbort)
      resolve(socket)
    })
    socket.once('error', (error) => {
      signal.removeEventListener('abort', onAbort)
      fail(shortError(error))
    })
  })
}
