import { Agent } from 'undici'

let requestAgent: Agent | undefined
let streamAgent: Agent | undefined

/**
 * The kept-alive connection pools to the platform API, one per server process. Event streams get a pool
 * of their own: each holds its connection for minutes, and sharing the bounded request pool would let a
 * few dozen open dashboards starve every other BFF call.
 */
export function usePlatformApiAgent(kind: 'request' | 'stream' = 'request'): Agent {
  if (kind === 'stream') {
    streamAgent ??= new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000 })
    return streamAgent
  }
  requestAgent ??= new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connections: 64 })
  return requestAgent
}
