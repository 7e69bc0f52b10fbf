import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Faults, FaultsInput } from './faults'
import { setTimeout as sleep } from 'node:timers/promises'
import { drawFault, faultApplies, latencyFor, noFaults, ZFaults } from './faults'
import { BodyError, readJson, sendEmpty, sendJson } from './json'

export interface TwinRequestContext {
  url: URL
  /** Counts one write the twin applied (tests assert "no writes" on a converged tenant with these). */
  countWrite: (kind: string) => void
}

export type TwinHandler = (req: IncomingMessage, res: ServerResponse, ctx: TwinRequestContext) => Promise<void> | void

export interface WriteCounts {
  total: number
  byKind: Record<string, number>
}

export interface TwinListenerOptions {
  /** Shown in errors and the admin endpoint. */
  name: string
  handle: TwinHandler
  /** Whether a request is a write, for `writesOnly` faults (default: any method but GET/HEAD/OPTIONS). */
  isWrite?: (req: IncomingMessage, url: URL) => boolean
  /** The body the upstream answers a fault status with, in its own error shape. */
  errorBody: (status: number, message: string) => unknown
  /** Changes objects behind the platform's back (`POST /__twin/drift`); returns what it did. */
  drift?: (input: unknown) => Promise<unknown> | unknown
  /** Everything the twin holds, for tests and the admin endpoint (`GET /__twin/state`). */
  state?: () => unknown
}

export interface TwinControls {
  /** Counts a write the twin applied outside an HTTP handler (e.g. a message accepted over SMTP). */
  countWrite: (kind: string) => void
  faults: () => Faults
  setFaults: (input: FaultsInput) => Faults
  clearFaults: () => void
  writes: () => WriteCounts
  resetWrites: () => void
}

export interface TwinListener extends TwinControls {
  listener: (req: IncomingMessage, res: ServerResponse) => void
}

const ADMIN_PREFIX = '/__twin/'

function defaultIsWrite(req: IncomingMessage): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(req.method ?? 'GET')
}

/**
 * Wraps a twin's handler with what every twin shares: fault injection switchable at run time, write
 * counters, and the admin endpoints under `/__twin/` (never faulted):
 *
 * - `GET|PUT /__twin/faults` read or replace the faults (`PUT` body: {@link ZFaults}); `DELETE` clears them
 * - `GET /__twin/writes` the write counters; `DELETE` resets them
 * - `POST /__twin/drift` change or delete objects behind the platform's back (twin-specific body)
 * - `GET /__twin/state` everything the twin holds
 */
export function createTwinListener(options: TwinListenerOptions): TwinListener {
  let faults = noFaults()
  let writes: WriteCounts = { total: 0, byKind: {} }
  const isWrite = options.isWrite ?? defaultIsWrite
  const countWrite = (kind: string) => {
    writes.total++
    writes.byKind[kind] = (writes.byKind[kind] ?? 0) + 1
  }
  const controls: TwinControls = {
    countWrite,
    faults: () => faults,
    setFaults: (input) => {
      faults = ZFaults.parse(input)
      return faults
    },
    clearFaults: () => {
      faults = noFaults()
    },
    writes: () => ({
      total: writes.total,
      byKind: { ...writes.byKind },
    }),
    resetWrites: () => {
      writes = { total: 0, byKind: {} }
    },
  }
  async function admin(req: IncomingMessage, res: ServerResponse, path: string) {
    const method = req.method ?? 'GET'
    if (path === 'faults' && method === 'GET')
      return sendJson(res, 200, faults)
    if (path === 'faults' && method === 'PUT') {
      const parsed = ZFaults.safeParse(await readJson(req))
      if (!parsed.success)
        return sendJson(res, 400, { error: 'invalid faults', issues: parsed.error.issues })
      faults = parsed.data
      return sendJson(res, 200, faults)
    }
    if (path === 'faults' && method === 'DELETE') {
      controls.clearFaults()
      return sendEmpty(res, 204)
    }
    if (path === 'writes' && method === 'GET')
      return sendJson(res, 200, controls.writes())
    if (path === 'writes' && method === 'DELETE') {
      controls.resetWrites()
      return sendEmpty(res, 204)
    }
    if (path === 'drift' && method === 'POST' && options.drift)
      return sendJson(res, 200, await options.drift(await readJson(req)) ?? {})
    if (path === 'state' && method === 'GET' && options.state)
      return sendJson(res, 200, options.state())
    return sendJson(res, 404, { error: `no admin endpoint ${method} ${ADMIN_PREFIX}${path} on the ${options.name} twin` })
  }

  /** Runs the request for real, then drops the connection instead of sending the answer. */
  async function loseAnswer(req: IncomingMessage, res: ServerResponse, url: URL) {
    const drop = () => {
      req.socket.destroy()
      return res
    }
    res.writeHead = drop as typeof res.writeHead
    res.write = (() => true) as typeof res.write
    res.end = drop as typeof res.end
    await options.handle(req, res, { url, countWrite })
  }

  async function inject(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
    if (!faultApplies(faults, url.pathname, isWrite(req, url)))
      return false
    const fault = drawFault(faults)
    if (fault === 'hang') {
      // Held open until the client gives up; the timer is dropped as soon as the socket closes.
      const gone = new AbortController()
      res.once('close', () => gone.abort())
      await sleep(faults.hangMs, undefined, { signal: gone.signal }).catch(() => {})
      if (!res.destroyed)
        res.socket?.destroy()
      return true
    }
    if (fault === 'reset') {
      req.socket.destroy()
      return true
    }
    const delay = latencyFor(faults)
    if (delay > 0)
      await sleep(delay)
    if (fault === 'rateLimit') {
      sendJson(res, 429, options.errorBody(429, 'Too many requests (injected).'), {
        'retry-after': String(faults.retryAfterSeconds),
      })
      return true
    }
    if (fault === 'error') {
      sendJson(res, faults.errorStatus, options.errorBody(faults.errorStatus, 'Injected server error.'))
      return true
    }
    if (fault === 'lostAnswer') {
      await loseAnswer(req, res, url)
      return true
    }
    return false
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://twin.invalid')
    const run = async () => {
      if (url.pathname.startsWith(ADMIN_PREFIX))
        return admin(req, res, url.pathname.slice(ADMIN_PREFIX.length))
      if (await inject(req, res, url))
        return
      await options.handle(req, res, { url, countWrite })
    }
    run().catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy()
        return
      }
      if (error instanceof BodyError)
        return sendJson(res, 400, options.errorBody(400, error.message))
      sendJson(res, 500, options.errorBody(500, `${options.name} twin failed: ${(error as Error).message}`))
    })
  }
  return { listener, ...controls }
}
