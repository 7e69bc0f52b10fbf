import type { AddressInfo } from 'node:net'
import type { TwinControls, TwinListenerOptions } from './twin-listener'
import { once } from 'node:events'
import { createServer } from 'node:http'
import { createTwinListener } from './twin-listener'

export interface TwinServerOptions extends TwinListenerOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  host?: string
}

export interface TwinServer extends TwinControls {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  url: string
  port: number
  stop: () => Promise<void>
}

/** Starts a twin on its own HTTP server, with faults, counters and admin endpoints (see createTwinListener). */
export async function startTwinServer(options: TwinServerOptions): Promise<TwinServer> {
  const { listener, ...controls } = createTwinListener(options)
  const server = createServer(listener)
  // Clients in tests keep connections alive; a short idle timeout keeps `stop` prompt.
  server.keepAliveTimeout = 5_000
  const host = options.host ?? '127.0.0.1'
  server.listen(options.port ?? 0, host)
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    ...controls,
    url: `http://${host}:${port}`,
    port,
    async stop() {
      const closed = once(server, 'close')
      server.close()
      server.closeAllConnections()
      await closed
    },
  }
}
