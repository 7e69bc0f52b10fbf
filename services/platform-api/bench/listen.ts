import type { Server } from 'srvx'
import { serve } from 'srvx/node'

/** Serves a fetch handler on a free loopback port, as the API is served, for a load from outside. */
export async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Server> {
  const server = serve({
    fetch,
    port: 0,
    hostname: '127.0.0.1',
    silent: true,
    gracefulShutdown: false,
  })
  await server.ready()
  return server
}
