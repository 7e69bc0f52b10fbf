import type { Server, Socket } from 'node:net'
import { once } from 'node:events'
import { connect, createServer } from 'node:net'

/** A loopback TCP proxy that can be cut and restored, to take the database away from a running API. */
export async function startTcpProxy(target: { host: string, port: number }) {
  const sockets = new Set<Socket>()
  let server: Server | undefined
  let port = 0
  const listen = async () => {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host)
      for (const s of [client, upstream]) {
        sockets.add(s)
        s.on('close', () => sockets.delete(s))
        s.on('error', () => s.destroy())
      }
      client.pipe(upstream).pipe(client)
    })
    server.listen(port, '127.0.0.1')
    await once(server, 'listening')
    port = (server.address() as { port: number }).port
  }
  await listen()
  return {
    get port() {
      return port
    },
    /** Refuses new connections and resets open ones, like a database that went away. */
    cut: async () => {
      for (const s of sockets) s.destroy()
      await new Promise(resolve => server!.close(resolve))
    },
    restore: listen,
    stop: async () => {
      for (const s of sockets) s.destroy()
      if (server?.listening)
        await new Promise(resolve => server!.close(resolve))
    },
  }
}
